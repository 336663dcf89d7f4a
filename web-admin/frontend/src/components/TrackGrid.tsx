// The library's table of tracks, virtualised: only the rows in view (and a few around) exist in the page, so that it
// scrolls as smoothly through 100,000 tracks as through ten. It is one ARIA grid: Tab focuses it, the arrow keys,
// Page Up/Down, Home and End move the current row, Enter opens it. Given a selection, each row has a checkbox, and
// Space ticks the current row (Shift+click ticks a range).

import { Component } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import * as format from '../lib/format';
import { navigate } from '../lib/router';
import type { Row, TrackList } from '../lib/trackList';
import { KeyBadge } from './KeyBadge';

export interface Column {
  id: string;
  label: string;
  /** The search API's sort field. */
  sort: string;
  numeric?: boolean;
  /** Hidden on narrow screens. */
  wide?: boolean;
}

export const COLUMNS: Column[] = [
  { id: 'artist', label: 'Artist', sort: 'artist' },
  { id: 'title', label: 'Title', sort: 'title' },
  { id: 'bpm', label: 'BPM', sort: 'bpm', numeric: true },
  { id: 'key', label: 'Key', sort: 'key' },
  { id: 'energy', label: 'Energy', sort: 'energy', numeric: true, wide: true },
  { id: 'loudness', label: 'Loudness', sort: 'loudness.integratedLufs', numeric: true, wide: true },
  { id: 'duration', label: 'Duration', sort: 'duration', numeric: true },
  { id: 'format', label: 'Format', sort: 'format', wide: true },
];

const OVERSCAN = 8;

interface Props {
  list: TrackList;
  /** Changes whenever the list's rows change, to re-render. */
  version: number;
  sort: string;
  onSort: (sort: string) => void;
  busy: boolean;
  /** The tracks ticked for a bulk action, when the table offers them. */
  selected?: ReadonlySet<number>;
  /** Ticks or unticks a row; `range` when Shift was held, to tick every row from the last one ticked. */
  onToggle?: (row: Row, index: number, range: boolean) => void;
}

export function TrackGrid({ list, version, sort, onSort, busy, selected, onToggle }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const header = useRef<HTMLDivElement>(null);
  const [viewport, setViewport] = useState({ top: 0, height: 600, rowHeight: 36, headerHeight: 40 });
  const [active, setActive] = useState(0);
  const count = list.complete ? list.rows.length : list.total;

  useLayoutEffect(() => {
    const element = scroller.current as HTMLDivElement;
    const measure = () => {
      const rowHeight = parseFloat(getComputedStyle(element).getPropertyValue('--row-height')) || 36;
      setViewport({ top: element.scrollTop, height: element.clientHeight, rowHeight,
        headerHeight: header.current?.offsetHeight ?? 40 });
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    setActive(0);
    if (scroller.current) {
      scroller.current.scrollTop = 0;
    }
  }, [list]);

  const first = Math.max(0, Math.floor((viewport.top - viewport.headerHeight) / viewport.rowHeight) - OVERSCAN);
  const last = Math.min(count, Math.ceil((viewport.top + viewport.height) / viewport.rowHeight) + OVERSCAN);

  useEffect(() => list.want(last), [list, last, version]);

  const onScroll = () => {
    const element = scroller.current as HTMLDivElement;
    setViewport((v) => (v.top === element.scrollTop ? v : { ...v, top: element.scrollTop }));
  };

  const moveTo = (index: number) => {
    const target = Math.max(0, Math.min(count - 1, index));
    setActive(target);
    const element = scroller.current as HTMLDivElement;
    const rowTop = viewport.headerHeight + target * viewport.rowHeight;
    if (rowTop < element.scrollTop + viewport.headerHeight) {
      element.scrollTop = rowTop - viewport.headerHeight;
    } else if (rowTop + viewport.rowHeight > element.scrollTop + element.clientHeight) {
      element.scrollTop = rowTop + viewport.rowHeight - element.clientHeight;
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.target !== scroller.current) {
      return;
    }
    const page = Math.max(1, Math.floor((viewport.height - viewport.headerHeight) / viewport.rowHeight) - 1);
    const moves: Record<string, number> = { ArrowDown: active + 1, ArrowUp: active - 1, PageDown: active + page,
      PageUp: active - page, Home: 0, End: count - 1 };
    if (event.key in moves) {
      event.preventDefault();
      moveTo(moves[event.key]);
    } else if (event.key === ' ' && onToggle && list.rows[active]) {
      event.preventDefault();
      onToggle(list.rows[active], active, event.shiftKey);
    } else if (event.key === 'Enter' && list.rows[active]) {
      event.preventDefault();
      navigate(`/tracks/${list.rows[active].id}`);
    }
  };

  const rows = [];
  for (let index = first; index < last; index++) {
    const row = list.rows[index];
    rows.push(row
      ? <TrackRow key={row.id} row={row} index={index} top={index * viewport.rowHeight} active={index === active}
          selected={selected ? selected.has(row.id) : undefined} onToggle={onToggle}
          onOpen={() => {
            setActive(index);
            navigate(`/tracks/${row.id}`);
          }} />
      : (
        <div key={`loading-${index}`} role="row" aria-rowindex={index + 2} class="grid-row placeholder"
          style={{ transform: `translateY(${index * viewport.rowHeight}px)` }}>
          <div role="gridcell" class="c-artist">Loading…</div>
        </div>
      ));
  }

  return (
    <div ref={scroller} class={`track-grid${busy ? ' busy' : ''}${onToggle ? ' selectable' : ''}`} role="grid"
      aria-label="Tracks" aria-multiselectable={onToggle ? true : undefined}
      aria-rowcount={count + 1} aria-colcount={COLUMNS.length + (onToggle ? 1 : 0)} aria-busy={busy}
      aria-activedescendant={count > 0 && list.rows[active] ? `track-row-${active}` : undefined}
      tabIndex={0} onScroll={onScroll} onKeyDown={onKeyDown} data-rendered-query={busy ? undefined : list.query}
      data-rendered-sort={busy ? undefined : list.sort}
      data-row-count={count}>
      <div ref={header} role="rowgroup" class="grid-head">
        <div role="row" aria-rowindex={1} class="grid-row">
          {onToggle && <div role="columnheader" class="c-pick"><span class="visually-hidden">Selected</span></div>}
          {COLUMNS.map((column) => {
            const direction = sort === column.sort ? 'ascending' : sort === `-${column.sort}` ? 'descending' : undefined;
            return (
              <div key={column.id} role="columnheader" aria-sort={direction ?? 'none'}
                class={`c-${column.id}${column.numeric ? ' num' : ''}${column.wide ? ' wide' : ''}`}>
                <button type="button" class="sort"
                  onClick={() => onSort(direction === 'ascending' ? `-${column.sort}` : column.sort)}>
                  {column.label}
                  <span aria-hidden="true" class="arrow">{direction === 'ascending' ? '▲'
                    : direction === 'descending' ? '▼' : ''}</span>
                </button>
              </div>
            );
          })}
        </div>
      </div>
      <div role="rowgroup" class="grid-body" style={{ height: `${count * viewport.rowHeight}px` }}>
        {rows}
      </div>
    </div>
  );
}

interface RowProps {
  row: Row;
  index: number;
  top: number;
  active: boolean;
  /** Whether the row is ticked; undefined when the table has no checkboxes. */
  selected?: boolean;
  onToggle?: (row: Row, index: number, range: boolean) => void;
  onOpen: () => void;
}

/** One track's row; re-rendered only when it changes, not on every scrolled frame. */
class TrackRow extends Component<RowProps> {
  shouldComponentUpdate(next: RowProps): boolean {
    const current = this.props;
    return next.row !== current.row || next.index !== current.index || next.top !== current.top
      || next.active !== current.active || next.selected !== current.selected;
  }

  render({ row, index, top, active, selected, onToggle, onOpen }: RowProps) {
    return (
      <div id={`track-row-${index}`} role="row" aria-rowindex={index + 2}
        aria-selected={selected === undefined ? active : selected}
        class={`grid-row${active ? ' active' : ''}${selected ? ' picked' : ''}`}
        style={{ transform: `translateY(${top}px)` }} data-track-id={row.id} onClick={onOpen}>
        {onToggle && (
          <div role="gridcell" class="c-pick">
            <input type="checkbox" tabIndex={-1} checked={selected} aria-label={`Select ${row.title}`}
              onClick={(e) => {
                e.stopPropagation();
                onToggle(row, index, e.shiftKey);
              }} />
          </div>
        )}
        <div role="gridcell" class="c-artist">{row.artist || <span class="muted">unknown</span>}</div>
        <div role="gridcell" class="c-title">
          <a href={`/tracks/${row.id}`} tabIndex={-1} onClick={(e) => e.preventDefault()}>{row.title}</a>
        </div>
        <div role="gridcell" class="c-bpm num">{format.num(row.bpm)}</div>
        <div role="gridcell" class="c-key"><KeyBadge value={row.key} /></div>
        <div role="gridcell" class="c-energy num wide">{format.num(row.energy, 0)}</div>
        <div role="gridcell" class="c-loudness num wide">
          {row.loudness !== undefined ? `${format.num(row.loudness)} LUFS` : '–'}
        </div>
        <div role="gridcell" class="c-duration num">{format.duration(row.duration)}</div>
        <div role="gridcell" class="c-format wide">{row.format}</div>
      </div>
    );
  }
}
