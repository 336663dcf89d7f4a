// Drives Deckhand's Subsonic API through subsonic-api (https://www.npmjs.com/package/subsonic-api), as a player
// would: sign in with an API key, with a token (md5 of password and salt) and by form POST; browse, search, sync the
// library with the empty query in pages, stream a song as it is and transcoded to Opus, fetch its cover art, star, rate and scrobble it, make a
// playlist, save the play queue, read lyrics and tune in to the live mixes listed as radio stations. Prints what it saw as one JSON
// document for SubsonicIT to check.
// Usage: node client.mjs URL API_KEY USER PASSWORD STREAM_FILE COVER_FILE (the Opus stream goes to STREAM_FILE.opus,
// the first radio station's to STREAM_FILE.radio.mp3)
import { SubsonicAPI } from 'subsonic-api';
import { writeFile } from 'node:fs/promises';

const [url, apiKey, username, password, streamFile, coverFile] = process.argv.slice(2);
const PAGE = 2;
const byKey = new SubsonicAPI({ url, auth: { apiKey } });
const byToken = new SubsonicAPI({ url, auth: { username, password } });
const byPost = new SubsonicAPI({ url, auth: { apiKey }, post: true });
const wrongPassword = new SubsonicAPI({ url, auth: { username, password: password + '-wrong' } });
const wrongKey = new SubsonicAPI({ url, auth: { apiKey: apiKey + '-wrong' } });

const report = {};
report.pingByKey = (await byKey.ping()).status;
report.pingByToken = (await byToken.ping()).status;
report.pingByPost = (await byPost.ping()).status;
report.wrongPassword = (await wrongPassword.ping()).error?.code;
report.wrongKey = (await wrongKey.ping()).error?.code;
const ping = await byKey.ping();
report.openSubsonic = ping.openSubsonic;
report.type = ping.type;
report.extensions = (await byKey.getOpenSubsonicExtensions()).openSubsonicExtensions.map((e) => e.name);

const artists = (await byToken.getArtists()).artists.index.flatMap((index) => index.artist);
report.artists = artists.map((artist) => artist.name);
const albums = [];
for (const artist of artists) {
  albums.push(...(await byPost.getArtist({ id: artist.id })).artist.album);
}
report.albums = albums.map((album) => album.name);
const songs = [];
for (const album of albums) {
  songs.push(...(await byKey.getAlbum({ id: album.id })).album.song);
}
report.songs = songs.map((song) => song.id).sort();
report.titles = songs.map((song) => song.title).sort();

const synced = [];
for (let offset = 0; ; offset += PAGE) {
  const page = (await byPost.search3({ query: '', songCount: PAGE, songOffset: offset, artistCount: 0,
    albumCount: 0 })).searchResult3.song ?? [];
  synced.push(...page.map((song) => song.id));
  if (page.length < PAGE) {
    break;
  }
}
report.synced = synced;
report.searchFolk = ((await byToken.search3({ query: 'folk' })).searchResult3.song ?? []).map((s) => s.title);
report.genres = (await byKey.getGenres()).genres.genre.map((genre) => genre.value).sort();
report.newest = (await byKey.getAlbumList2({ type: 'newest', size: 500 })).albumList2.album.length;
report.random = (await byKey.getRandomSongs({ size: 3 })).randomSongs.song.length;

const song = songs.find((s) => s.suffix === 'flac');
const stream = await byKey.stream({ id: song.id });
report.streamStatus = stream.status;
report.streamType = stream.headers.get('content-type');
report.streamedSong = song.id;
await writeFile(streamFile, Buffer.from(await stream.arrayBuffer()));
const transcoded = await byToken.stream({ id: song.id, format: 'opus', maxBitRate: 96 });
report.transcodedStatus = transcoded.status;
report.transcodedType = transcoded.headers.get('content-type');
await writeFile(streamFile + '.opus', Buffer.from(await transcoded.arrayBuffer()));

const covered = songs.find((s) => s.coverArt);
report.coverArtOf = covered?.id;
if (covered) {
  const cover = await byToken.getCoverArt({ id: covered.coverArt, size: 300 });
  report.coverStatus = cover.status;
  report.coverType = cover.headers.get('content-type');
  await writeFile(coverFile, Buffer.from(await cover.arrayBuffer()));
}
await byKey.star({ id: song.id, albumId: albums[0].id });
const starred = (await byToken.getStarred2()).starred2;
report.starredSongs = (starred.song ?? []).map((s) => s.id);
report.starredAlbums = (starred.album ?? []).map((a) => a.id);
await byKey.setRating({ id: song.id, rating: 4 });
report.playCountBefore = (await byKey.getSong({ id: song.id })).song.playCount;
await byKey.scrobble({ id: song.id, submission: true });
const played = (await byKey.getSong({ id: song.id })).song;
report.playCount = played.playCount;
report.userRating = played.userRating;
report.frequentHasAlbum = (await byKey.getAlbumList2({ type: 'frequent' })).albumList2.album
  .some((a) => a.id === song.albumId);
report.starredAlbum = albums[0].id;
await byKey.scrobble({ id: song.id, submission: false });
report.nowPlaying = ((await byKey.getNowPlaying()).nowPlaying.entry ?? []).map((e) => e.id);
await byKey.unstar({ id: song.id });
report.starredAfterUnstar = ((await byToken.getStarred2()).starred2.song ?? []).map((s) => s.id);

const created = (await byPost.createPlaylist({ name: 'Warm-up', songId: [songs[1].id, songs[0].id] })).playlist;
await byKey.updatePlaylist({ playlistId: created.id, songIdToAdd: songs[2].id, songIndexToRemove: 0 });
report.playlistExpected = [songs[0].id, songs[2].id];
report.playlistEntries = (await byKey.getPlaylist({ id: created.id })).playlist.entry.map((e) => e.id);
report.playlists = (await byKey.getPlaylists()).playlists.playlist.map((p) => p.name);
await byKey.deletePlaylist({ id: created.id });
report.playlistsAfterDelete = ((await byKey.getPlaylists()).playlists.playlist ?? []).map((p) => p.name);

await byKey.savePlayQueue({ id: [songs[0].id, songs[1].id], current: songs[1].id, position: 61000 });
const queue = (await byToken.getPlayQueue()).playQueue;
report.queue = queue.entry.map((e) => e.id);
report.queueExpected = [songs[0].id, songs[1].id];
report.queuePosition = queue.position;
report.queueCurrent = queue.current;
const lyricsOf = async (title) => ((await byKey.getLyricsBySongId({ id: songs.find((s) => s.title === title).id }))
  .lyricsList.structuredLyrics ?? []).map((l) => ({ lang: l.lang, synced: l.synced, offset: l.offset ?? null,
  line: l.line }));
report.lyricsFolk = await lyricsOf('Folk in A Minor');
report.lyricsFunk = await lyricsOf('BV Funk');
report.lyricsByName = (await byToken.getLyrics({ artist: 'Redfarn', title: 'No Work Song' })).lyrics.value;
const stations = (await byKey.getInternetRadioStations()).internetRadioStations.internetRadioStation ?? [];
report.radioStations = stations.map((s) => ({ id: s.id, name: s.name, streamUrl: s.streamUrl, homePageUrl: s.homePageUrl }));
if (stations.length > 0) {
  // A player tunes in to the first station: the first 64 KB of its endless MP3 stream.
  const tuned = await fetch(stations[0].streamUrl);
  report.radioStatus = tuned.status;
  report.radioType = tuned.headers.get('content-type');
  const reader = tuned.body.getReader();
  const chunks = [];
  let length = 0;
  while (length < 65536) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    length += value.length;
  }
  await reader.cancel();
  await writeFile(streamFile + '.radio.mp3', Buffer.concat(chunks));
}
process.stdout.write(JSON.stringify(report));
