// A QR code of a text (ISO/IEC 18004, by the qrcode-generator library, error correction level M), drawn as one SVG
// path of its dark modules with the four-module quiet zone the standard asks for. The library is loaded only when a
// code is first shown, so that it stays out of the console's first load.

import { useEffect, useState } from 'preact/hooks';

const QUIET_ZONE = 4;

interface Code {
  size: number;
  path: string;
}

async function encode(text: string): Promise<Code> {
  const { default: qrcode } = await import('qrcode-generator');
  const code = qrcode(0, 'M');
  code.addData(text, 'Byte');
  code.make();
  const count = code.getModuleCount();
  let path = '';
  for (let row = 0; row < count; row++) {
    for (let column = 0; column < count; column++) {
      if (code.isDark(row, column)) {
        path += `M${column + QUIET_ZONE} ${row + QUIET_ZONE}h1v1h-1z`;
      }
    }
  }
  return { size: count + 2 * QUIET_ZONE, path };
}

/** The QR code of `text`, `label` naming it for screen readers. */
export function QrCode({ text, label }: { text: string; label: string }) {
  const [code, setCode] = useState<Code>();
  const [failure, setFailure] = useState<string>();
  useEffect(() => {
    let current = true;
    encode(text).then((made) => current && setCode(made),
      (error: unknown) => current && setFailure(`The QR code cannot be drawn: ${String(error)}`));
    return () => {
      current = false;
    };
  }, [text]);
  if (failure) {
    return <p class="error-note">{failure}</p>;
  }
  if (!code) {
    return <p class="muted">Drawing the QR code…</p>;
  }
  return (
    <svg class="qr-code" viewBox={`0 0 ${code.size} ${code.size}`} role="img" aria-label={label}
      data-qr-text={text} shape-rendering="crispEdges">
      <rect width={code.size} height={code.size} fill="#fff" />
      <path d={code.path} fill="#000" />
    </svg>
  );
}
