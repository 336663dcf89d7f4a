// The JSON shapes of the REST API that the console reads (see the *Resource classes of the server's bundles).

export interface Session {
  user: string;
  method: 'password' | 'api-key';
}

export interface Tags {
  title?: string;
  artists: string[];
  album?: string;
  albumArtist?: string;
  trackNumber?: number;
  discNumber?: number;
  year?: number;
  genre?: string;
  label?: string;
  isrc?: string;
  comment?: string;
  bpm?: number;
  key?: string;
}

export type AnalysisValue = number | string | boolean | number[] | null;

export interface Track {
  id: number;
  file: {
    path: string;
    sizeBytes: number;
    modified: string;
    format: string;
    fastFingerprint: string;
    sha256?: string;
  };
  tags: Tags;
  audio: {
    codec: string;
    durationSeconds?: number | null;
    bitrateKbps: number;
    sampleRateHz: number;
    bitsPerSample: number;
    channels: number;
    lossless: boolean;
  };
  replayGain: { trackGainDb?: number; trackPeak?: number; albumGainDb?: number; albumPeak?: number };
  hasArtwork: boolean;
  added: string;
  missingSince?: string | null;
  warnings: string[];
  analyses: Record<string, { version: string; values: Record<string, AnalysisValue> }>;
}

export interface TrackPage {
  tracks: Track[];
  total: number;
  nextCursor: string | null;
}

export interface LibraryStats {
  tracks: number;
  missing: number;
  tracksByFormat: Record<string, number>;
  totalDurationSeconds: number;
  totalSizeBytes: number;
  duplicateGroups: number;
  problems: number;
  tracksWithWarnings: number;
}

export interface LibraryProblem {
  path: string;
  reason: string;
  seen: string;
  trackId: number | null;
}

export interface SystemInfo {
  version: string;
  started: string;
  uptimeSeconds: number;
  folders: { home: string; data: string; music: string[]; plugins: string; config: string };
  jvm: { version: string; vendor: string; os: string; arch: string; processors: number };
  memory: { heapUsedBytes: number; heapMaxBytes: number };
  bundles: { id: number; symbolicName: string; version: string; state: string }[];
  disk?: { dataBytes: number; freeBytes: number };
}

export interface ResultField {
  name: string;
  type: string;
  unit: string;
  description: string;
}

export interface AnalyserRun {
  analyserId: string;
  analyserVersion: string;
  failure: string | null;
  finished: string;
}

export interface AnalysisQueue {
  /** Tracks in the queue, those being analysed included. */
  queued: number;
  /** Tracks waiting, those being analysed left out. */
  waiting: number;
  workers: number;
  analysedSinceStart: number;
  running: { trackId: number; path: string; started: string; decodedSeconds: number; durationSeconds: number | null }[];
  next: { trackId: number; path: string; priority: string }[];
  analysers: { id: string; version: string; sampleRateHz: number | null; channels: number; fields: ResultField[];
    quarantined: boolean }[];
  failures: { trackId: number; path: string; run: AnalyserRun }[];
}

export interface TrackAnalysis {
  trackId: number;
  results: {
    analyserId: string;
    version: string;
    values: { name: string; value: AnalysisValue; type: string | null; unit: string | null;
      description: string | null }[];
  }[];
  runs: AnalyserRun[];
}

export interface Waveform {
  trackId: number;
  points: number;
  pointSeconds: number;
  durationSeconds: number;
  channels: { min: number[]; max: number[] }[];
  low: number[];
  mid: number[];
  high: number[];
}

export interface CompatibleTrack {
  track: Track;
  rating: { score: number; keyRelation: string | null; bpmDifferencePercent: number | null };
}

export interface Plugin {
  id: string;
  file: string | null;
  symbolicName: string | null;
  version: string | null;
  name: string | null;
  bundleId: number | null;
  state: string;
  services: { id: number; objectClass: string[]; properties: Record<string, unknown> }[];
  components: { name: string; state: string; failure: string | null }[];
  error: string | null;
  /** Threads a removed version of the plugin left running (state REMOVED). */
  runawayThreads?: string[];
}

export type SettingType = 'STRING' | 'INTEGER' | 'LONG' | 'DOUBLE' | 'BOOLEAN' | 'PASSWORD';
export type SettingValue = string | number | boolean | null;

export interface SettingField {
  id: string;
  name: string;
  description?: string;
  type: SettingType;
  multiple: boolean;
  options: { label: string; value: string }[];
  min: number | null;
  max: number | null;
  default: SettingValue | SettingValue[];
  value: SettingValue | SettingValue[];
}

export interface Setting {
  pid: string;
  name: string;
  description?: string;
  bundle: string;
  fields: SettingField[];
}

export interface LogEntry {
  time: string;
  level: 'ERROR' | 'WARN' | 'INFO' | 'DEBUG';
  logger: string;
  bundle: string;
  message: string;
  thrown: string | null;
}

/** A Server-Sent Event of `/api/v1/events`: its topic and properties. */
export interface ServerEvent {
  topic: string;
  properties: Record<string, unknown>;
}

/** A stored tracklist in the list (TracklistSummary). */
export interface TracklistSummary {
  id: number;
  title?: string;
  djs: string[];
  date?: string;
  source: string;
  address?: string;
  fetched: string;
  entries: number;
  matched: number;
  missing: number;
  recordingTrackId?: number;
}

export type MatchState = 'MATCHED' | 'AMBIGUOUS' | 'MISSING' | 'UNMATCHABLE';

/** A track of the library that an entry is, or may be. */
export interface TrackRef {
  id: number;
  artists: string[];
  title?: string;
  durationSeconds?: number;
  format: string;
  path: string;
}

export interface TracklistEntry {
  position: number;
  kind: 'TRACK' | 'UNIDENTIFIED' | 'GAP' | 'FILLER';
  cueSeconds?: number;
  cue?: string;
  artist?: string;
  title?: string;
  remix?: string;
  label?: string;
  durationSeconds?: number;
  playedWithPrevious: boolean;
  mashupParts: { artist?: string; title?: string }[];
  djPart?: string;
  match: {
    state: MatchState;
    confidence: number;
    confirmed: boolean;
    track?: TrackRef;
    candidates: { trackId: number; confidence: number; artists: string[]; title?: string }[];
  };
}

/** A tracklist with its entries and their matches (GET /tracklists/{id}). */
export interface TracklistDetail {
  id: number;
  title?: string;
  djs: string[];
  date?: string;
  genres: string[];
  source: string;
  address?: string;
  fetched: string;
  imported: string;
  recordingTrackId?: number;
  counts: { entries: number; matched: number; ambiguous: number; missing: number; unmatchable: number; withCue: number };
  entries: TracklistEntry[];
}

/** A notification level, lowest first. */
export type NotificationLevel = 'INFO' | 'WARNING' | 'ERROR' | 'CRITICAL';

/** A kind of notification, as the notifier groups the server's events. */
export type NotificationKind = 'LIBRARY' | 'ANALYSIS' | 'PLUGINS' | 'MIXER' | 'RENAMER' | 'TRACKLISTS' | 'HEALTH'
  | 'SECURITY';

/** A channel type and the settings it takes (GET /notifications/types). */
export interface ChannelType {
  id: string;
  name: string;
  settings: { key: string; label: string; description: string; required: boolean; secret: boolean }[];
}

/** A notification channel (GET /notifications/channels); secrets only as set or not set. */
export interface NotificationChannel {
  id: number;
  type: string;
  name: string;
  enabled: boolean;
  minimumLevel: NotificationLevel;
  kinds: NotificationKind[];
  ratePerMinute: number;
  settings: Record<string, string>;
  secrets: Record<string, boolean>;
  state: 'ACTIVE' | 'WAITING' | 'STOPPED' | 'UNAVAILABLE';
  reason?: string;
  stoppedStatus?: number;
  circuit: 'CLOSED' | 'OPEN' | 'HALF_OPEN';
  waitingUntil?: string;
  pending: number;
  dropped: number;
  lastOutcome?: { result: string; statusCode: number; detail?: string };
  created: string;
}

/** One delivery of the notification history (GET /notifications/history). */
export interface NotificationDelivery {
  seq: number;
  channelId: number;
  messageId: string;
  kind: NotificationKind;
  level: NotificationLevel;
  title: string;
  state: 'PENDING' | 'DELIVERED' | 'FAILED' | 'REJECTED' | 'DROPPED';
  attempts: number;
  lastStatus?: number;
  lastReason?: string;
  latencyMillis?: number;
  receiverId?: string;
  queued: string;
  finished?: string;
}
