// The mixer's pages as one chunk, which MixerPages loads on demand.

export { Mixer } from './Mixer';
export { MixPage } from './MixPage';
