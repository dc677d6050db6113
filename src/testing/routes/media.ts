import type { FakeStore } from '../store.js';
import { readMediaInfo, type FakeMediaInfo } from '../media-meta.js';
import { fakeLimits, humanSize } from '../limits.js';
import { FakeHttpError, list, str, userOf, type FakeReply, type FakeRequest, type FakeRoutes } from './types.js';
import { scoped } from './scoped.js';

/** A media attachment as the fake server keeps it. */
export interface FakeMedia {
  id: string;
  ownerId: string;
  type: 'image' | 'video' | 'gifv' | 'audio' | 'unknown';
  mimeType: string;
  fileName: string;
  size: number;
  /** What the file's header says: its size, for videos its duration and frame rate. */
  info: FakeMediaInfo;
  description: string | null;
  focus: { x: number; y: number } | null;
  thumbnail: { fileName: string; mimeType: string; size: number; info: FakeMediaInfo } | null;
  /** GET answers left before processing is done; 0 means processed. */
  pollsLeft: number;
  /** Processing will fail: GET answers an error. */
  failing: boolean;
  /** The status it is attached to, once posted with one. */
  statusId?: string;
}

/** The media area's state; tests may change how uploads are processed. */
export interface FakeMediaState {
  readonly attachments: Map<string, FakeMedia>;
  /**
   * How many `GET /api/v1/media/{id}` answer "still processing" (206, `url` null) for a
   * video or audio file uploaded through v2 (which answers 202 with `url` null), before it is
   * processed. Default 0: processed by the first poll, as a short video on a real server.
   */
  processingPolls: number;
  /** Uploads from now on fail processing (GET answers 422). Default false. */
  failProcessing: boolean;
}

/**
 * The media state of a fake server, to tune processing in tests.
 * @example fakeMediaState(server.store).processingPolls = 3;
 */
export function fakeMediaState(store: FakeStore): FakeMediaState {
  return store.extension<FakeMediaState>('media', () => ({ attachments: new Map(), processingPolls: 0, failProcessing: false }));
}

/** A blurhash of a grey-blue image, for processed images and thumbnails (the fake decodes no media). */
const FAKE_BLURHASH = 'UPNKI$xbloIA9ZoI.8RjK-oy%NkD%hW?i^t6';
/** The colours of a video's or audio file's thumbnail (made up: the fake decodes no media). */
const FAKE_COLORS = { background: '#dcf4fd', foreground: '#23211f', accent: '#47372d' };
/** Mastodon's small version of an image has at most this many pixels. */
const SMALL_PIXELS = 230_400;
/** Mastodon's thumbnail of a video fits in this many pixels a side. */
const THUMBNAIL_SIDE = 400;

interface UploadedFile {
  readonly fileName: string;
  readonly mimeType: string;
  readonly size: number;
  /** What its header says. */
  readonly info: FakeMediaInfo;
}

/** The file parts of a multipart request, by field name (the server keeps the bytes in `uploads`). */
export async function uploadedFiles(req: FakeRequest): Promise<Map<string, UploadedFile>> {
  const files = new Map<string, UploadedFile>();
  const type = String(req.headers['content-type'] ?? '');
  if (!type.toLowerCase().startsWith('multipart/form-data') || req.rawBody.length === 0) return files;
  const form = await new Response(new Uint8Array(req.rawBody), { headers: { 'content-type': type } }).formData();
  for (const [name, value] of form.entries()) {
    if (typeof value !== 'string') {
      files.set(name, { fileName: value.name, mimeType: value.type, size: value.size, info: readMediaInfo(new Uint8Array(await value.arrayBuffer())) });
    }
  }
  return files;
}

function typeOf(mimeType: string): FakeMedia['type'] {
  if (mimeType === 'image/gif') return 'gifv';
  const kind = mimeType.split('/')[0];
  return kind === 'image' || kind === 'video' || kind === 'audio' ? kind : 'unknown';
}

function parseFocus(value: string | undefined): FakeMedia['focus'] | undefined {
  if (value === undefined) return undefined;
  const [x, y] = value.split(',').map(Number);
  if (x === undefined || y === undefined || !Number.isFinite(x) || !Number.isFinite(y)) return undefined;
  return { x, y };
}

function checkDescription(store: FakeStore, description: string | undefined): void {
  const most = fakeLimits(store).media_attachments.description_limit;
  if (description !== undefined && description.length > most) {
    throw new FakeHttpError(422, `Validation failed: Description is too long (maximum is ${most} characters)`);
  }
}

/** An image's geometry as Mastodon's meta gives it. */
function geometry(width: number, height: number): Record<string, unknown> {
  return { width, height, size: `${width}x${height}`, aspect: height > 0 ? width / height : 0 };
}

/** The size of a scaled-down copy: at most `pixels` in all, or at most `side` a side; never larger. */
function scaled(width: number, height: number, limit: { pixels?: number; side?: number }): [number, number] {
  if (width <= 0 || height <= 0) return [width, height];
  const factor = Math.min(1, limit.pixels ? Math.sqrt(limit.pixels / (width * height)) : 1, limit.side ? limit.side / Math.max(width, height) : 1);
  return [Math.round(width * factor), Math.round(height * factor)];
}

/**
 * The `meta` of an attachment as Mastodon 4 writes it, from the file's header: for images the
 * original's and the small copy's geometry; for videos and GIFs the original's size, frame rate,
 * duration and bitrate, the thumbnail's geometry and its colours; for audio the duration and
 * bitrate. What a header does not say is 0.
 */
function metaOf(media: FakeMedia): Record<string, unknown> {
  const { width = 0, height = 0, duration = 0, frameRate = '0/1' } = media.info;
  const bitrate = duration > 0 ? Math.round((media.size * 8) / duration) : 0;
  const focus = media.focus ? { focus: media.focus } : {};
  switch (media.type) {
    case 'image':
      return { original: geometry(width, height), small: geometry(...scaled(width, height, { pixels: SMALL_PIXELS })), ...focus };
    case 'video':
    case 'gifv': {
      const thumbnail = media.thumbnail?.info ?? media.info;
      return {
        original: { width, height, frame_rate: frameRate, duration, bitrate },
        small: geometry(...scaled(thumbnail.width ?? 0, thumbnail.height ?? 0, { side: THUMBNAIL_SIDE })),
        colors: FAKE_COLORS, ...focus,
      };
    }
    case 'audio': {
      const cover = media.thumbnail ? { small: geometry(...scaled(media.thumbnail.info.width ?? 0, media.thumbnail.info.height ?? 0, { side: THUMBNAIL_SIDE })), colors: FAKE_COLORS } : {};
      return { original: { duration, bitrate }, ...cover, ...focus };
    }
    default:
      return { ...focus };
  }
}

/** A file's geometry once Mastodon has shrunk it to at most `pixels` pixels, as it does larger images and videos. */
function withinMatrix(info: FakeMediaInfo, pixels: number): FakeMediaInfo {
  if (info.width === undefined || info.height === undefined) return info;
  const [width, height] = scaled(info.width, info.height, { pixels });
  return { ...info, width, height };
}

/** The JSON of an attachment as Mastodon serves it. */
export function mediaJson(media: FakeMedia, baseUrl: string): Record<string, unknown> {
  const processed = media.pollsLeft === 0;
  const files = `${baseUrl}/system/media_attachments/files/${media.id}`;
  const extension = media.fileName.includes('.') ? media.fileName.slice(media.fileName.lastIndexOf('.')) : '';
  const previewed = media.type === 'image' || media.type === 'video' || media.type === 'gifv' || media.thumbnail !== null;
  const preview = media.type === 'image' ? `${files}/small/${media.id}${extension}` : `${baseUrl}/system/media_attachments/thumbnails/${media.id}/original/${media.id}.jpg`;
  return {
    id: media.id,
    type: media.type,
    url: processed ? `${files}/original/${media.id}${extension}` : null,
    preview_url: previewed ? preview : null,
    remote_url: null,
    preview_remote_url: null,
    text_url: null,
    meta: metaOf(media),
    description: media.description,
    blurhash: previewed ? FAKE_BLURHASH : null,
  };
}

/**
 * The attachments of a status being posted, as Mastodon picks them: the poster's own uploads
 * not yet attached to another status, in the order given; ids that are not such uploads are
 * left out. More than four ids, or an upload still processing, is a 422.
 */
export function attachableMedia(req: FakeRequest, store: FakeStore, ids: readonly string[]): FakeMedia[] {
  const most = fakeLimits(store).statuses.max_media_attachments;
  if (ids.length > most) throw new FakeHttpError(422, `Cannot attach more than ${most} files`);
  const owner = userOf(req).account.id;
  const { attachments } = fakeMediaState(store);
  const chosen = ids.map((id) => attachments.get(id)).filter((m): m is FakeMedia => m !== undefined && m.ownerId === owner && m.statusId === undefined);
  if (chosen.some((m) => m.pollsLeft > 0 || m.failing)) {
    throw new FakeHttpError(422, 'Cannot attach files that have not finished processing. Try again in a moment!');
  }
  return chosen;
}

/**
 * The media of an edited status, as Mastodon's UpdateStatusService takes them: `media_ids` (the
 * status's own attachments and the editor's free uploads, at most four), then each of
 * `media_attributes` changing the alt text, focus or thumbnail (a `data:` URI) of one of them.
 */
export function editedMedia(req: FakeRequest, store: FakeStore, statusId: string): FakeMedia[] {
  const current = mediaOfStatus(store, statusId);
  const ids = req.params['media_ids'] === undefined ? current.map((m) => m.id) : list(req.params, 'media_ids');
  if (ids.length > 4) throw new FakeHttpError(422, 'Validation failed: Cannot attach more than 4 files');
  const owner = userOf(req).account.id;
  const { attachments } = fakeMediaState(store);
  const chosen = ids.map((id) => attachments.get(id))
    .filter((m): m is FakeMedia => m !== undefined && m.ownerId === owner && (m.statusId === undefined || m.statusId === statusId));
  const edits = req.params['media_attributes'];
  for (const edit of Array.isArray(edits) ? edits : []) {
    if (typeof edit !== 'object' || edit === null || Array.isArray(edit)) continue;
    const media = chosen.find((m) => m.id === String(edit['id']));
    if (!media) continue;
    const description = typeof edit['description'] === 'string' ? edit['description'] : undefined;
    checkDescription(store, description);
    if (description !== undefined) media.description = description;
    const focus = parseFocus(typeof edit['focus'] === 'string' ? edit['focus'] : undefined);
    if (focus) media.focus = focus;
    const thumbnail = typeof edit['thumbnail'] === 'string' ? /^data:([^;,]+);base64,(.*)$/s.exec(edit['thumbnail']) : null;
    if (thumbnail) {
      const bytes = Buffer.from(thumbnail[2]!, 'base64');
      media.thumbnail = { fileName: 'thumbnail', mimeType: thumbnail[1]!, size: bytes.length, info: readMediaInfo(new Uint8Array(bytes)) };
    }
  }
  for (const media of current) if (!chosen.includes(media)) media.statusId = undefined;
  for (const media of chosen) media.statusId = statusId;
  return chosen;
}

/** The uploads attached to a status, in the order they were uploaded. */
export function mediaOfStatus(store: FakeStore, statusId: string): FakeMedia[] {
  return [...fakeMediaState(store).attachments.values()].filter((m) => m.statusId === statusId);
}

/**
 * What deleting a status does to its media: kept for a redraft (free to attach again), or
 * with `delete_media` deleted at once, as Mastodon's RemovalWorker does.
 */
export function releaseMedia(store: FakeStore, statusId: string, deleteMedia: boolean): void {
  const { attachments } = fakeMediaState(store);
  for (const media of mediaOfStatus(store, statusId)) {
    if (deleteMedia) attachments.delete(media.id);
    else media.statusId = undefined;
  }
}

function ownMedia(req: FakeRequest, store: FakeStore): FakeMedia {
  const media = fakeMediaState(store).attachments.get(req.pathParams['id'] ?? '');
  // As in Mastodon, an upload is the API's to read and change only until a status carries it.
  if (!media || media.ownerId !== userOf(req).account.id || media.statusId !== undefined) throw new FakeHttpError(404, 'Record not found');
  return media;
}

async function upload(req: FakeRequest, store: FakeStore, baseUrl: string, asynchronous: boolean): Promise<FakeReply> {
  const user = userOf(req);
  const files = await uploadedFiles(req);
  const file = files.get('file');
  if (!file) throw new FakeHttpError(422, "Validation failed: File can't be blank");
  const limits = fakeLimits(store).media_attachments;
  if (!limits.supported_mime_types.includes(file.mimeType)) throw new FakeHttpError(422, 'Validation failed: File content type is invalid, File is invalid');
  const large = file.mimeType.startsWith('video/') || file.mimeType.startsWith('audio/');
  const most = large ? limits.video_size_limit : limits.image_size_limit;
  if (file.size > most) {
    throw new FakeHttpError(422, `Validation failed: File must be less than ${humanSize(most)}, File file size must be less than ${humanSize(most)}`);
  }
  const description = str(req.body, 'description');
  checkDescription(store, description);
  const state = fakeMediaState(store);
  const type = typeOf(file.mimeType);
  const thumbnail = files.get('thumbnail');
  const media: FakeMedia = {
    id: store.nextId(), ownerId: user.account.id, type, mimeType: file.mimeType, fileName: file.fileName, size: file.size,
    info: withinMatrix(file.info, large ? limits.video_matrix_limit : limits.image_matrix_limit), description: description ?? null, focus: parseFocus(str(req.body, 'focus')) ?? null,
    thumbnail: thumbnail ? { fileName: thumbnail.fileName, mimeType: thumbnail.mimeType, size: thumbnail.size, info: thumbnail.info } : null,
    pollsLeft: asynchronous && (type === 'video' || type === 'audio' || type === 'gifv') ? state.processingPolls + 1 : 0,
    failing: state.failProcessing,
  };
  state.attachments.set(media.id, media);
  return { status: media.pollsLeft > 0 ? 202 : 200, json: mediaJson(media, baseUrl) };
}

/** Media uploads: v1 (processed at once) and v2 (videos and audio processed in the background). */
export const mediaRoutes: FakeRoutes = {
  'POST /api/v1/media': { auth: 'user', handle: (req, { store, baseUrl }) => upload(req, store, baseUrl, false) },
  'POST /api/v2/media': { auth: 'user', handle: (req, { store, baseUrl }) => upload(req, store, baseUrl, true) },
  'GET /api/v1/media/{id}': {
    auth: 'user',
    handle: (req, { store, baseUrl }) => {
      const media = ownMedia(req, store);
      if (media.failing) throw new FakeHttpError(422, 'Error processing media');
      if (media.pollsLeft > 0) media.pollsLeft -= 1;
      return { status: media.pollsLeft > 0 ? 206 : 200, json: mediaJson(media, baseUrl) };
    },
  },
  'DELETE /api/v1/media/{id}': scoped(['write', 'write:media'], {
    auth: 'user',
    handle: (req, { store }) => {
      const { attachments } = fakeMediaState(store);
      const media = attachments.get(req.pathParams['id'] ?? '');
      if (!media || media.ownerId !== userOf(req).account.id) throw new FakeHttpError(404, 'Record not found');
      if (media.statusId !== undefined) throw new FakeHttpError(422, 'Media attachment is currently used by a status');
      attachments.delete(media.id);
      return { json: {} };
    },
  }),
  'PUT /api/v1/media/{id}': {
    auth: 'user',
    handle: async (req, { store, baseUrl }) => {
      const media = ownMedia(req, store);
      const description = str(req.body, 'description');
      checkDescription(store, description);
      if (description !== undefined) media.description = description;
      const focus = parseFocus(str(req.body, 'focus'));
      if (focus) media.focus = focus;
      const thumbnail = (await uploadedFiles(req)).get('thumbnail');
      if (thumbnail) media.thumbnail = { fileName: thumbnail.fileName, mimeType: thumbnail.mimeType, size: thumbnail.size, info: thumbnail.info };
      return { status: media.pollsLeft > 0 ? 206 : 200, json: mediaJson(media, baseUrl) };
    },
  },
};
