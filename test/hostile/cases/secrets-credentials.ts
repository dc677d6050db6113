// Credential files: a link at the target (to a file, dangling), an existing 0644 file, a zero
// umask, and a server whose token holds a line break. Every write of the library is watched:
// the file it goes to must be 0600 at that moment.
import fs from 'node:fs';
import { mkdtempSync, readFileSync, statSync, lstatSync, symlinkSync, writeFileSync, linkSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Mastodon } from '../../../src/index.js';
import { reportFromCase } from '../../support/isolated.js';
import { hostileClient, caseBackend, outcomeOf, startHostileServer } from '../../support/hostile-http.js';

process.umask(0);
const modesAtWrite: number[] = [];
const writeSync = fs.writeSync;
const writeFileSyncOriginal = fs.writeFileSync;
fs.writeSync = ((fd: number, ...rest: unknown[]) => {
  modesAtWrite.push(fs.fstatSync(fd).mode & 0o777);
  return (writeSync as (...args: unknown[]) => number)(fd, ...rest);
}) as typeof fs.writeSync;
fs.writeFileSync = ((file: fs.PathOrFileDescriptor, ...rest: unknown[]) => {
  modesAtWrite.push(existsSync(file as string) ? statSync(file as string).mode & 0o777 : -1);
  return (writeFileSyncOriginal as (...args: unknown[]) => void)(file, ...rest);
}) as typeof fs.writeFileSync;

let token = 'token-of-the-day';
const server = await startHostileServer((request, res) => {
  const body = request.url.startsWith('/api/v1/apps')
    ? { client_id: 'cid', client_secret: 'csecret' }
    : { access_token: token, token_type: 'Bearer', scope: 'read write follow push', created_at: 1 };
  res.writeHead(200, { 'content-type': 'application/json', connection: 'close' }).end(JSON.stringify(body));
});
const { backend } = caseBackend();
const dir = mkdtempSync(join(tmpdir(), 'mastodon-rx-credentials-'));
const createApp = (to_file: string) => outcomeOf(Mastodon.createApp('app', { api_base_url: server.url, to_file, session: backend }));
const api = hostileClient(server, backend, { client_id: 'cid', client_secret: 'csecret' });
const logIn = (to_file: string) => outcomeOf(api.logIn('a@b.c', 'pw', { to_file }));

// A link to a file the attacker wants overwritten, and a dangling one that would create a file.
const precious = join(dir, 'precious');
writeFileSync(precious, 'precious content\n');
symlinkSync(precious, join(dir, 'link.secret'));
symlinkSync(join(dir, 'created-through-link'), join(dir, 'dangling.secret'));
const throughLink = await createApp(join(dir, 'link.secret'));
const throughDangling = await logIn(join(dir, 'dangling.secret'));

// An existing 0644 file, with a second name (a hard link) for its inode.
const existing = join(dir, 'usercred.secret');
writeFileSync(existing, 'old token\n', { mode: 0o644 });
linkSync(existing, join(dir, 'old-inode'));
const writesBefore = modesAtWrite.length;
const overwrite = await logIn(existing);
const libraryWriteModes = modesAtWrite.slice(writesBefore);

// A fresh file under umask 0.
const fresh = await createApp(join(dir, 'fresh.secret'));

// A token with a line break: it would make the file's second line (the base URL) the server's choice.
token = 'abc\nhttps://evil.example';
const lineBreak = await logIn(join(dir, 'broken.secret'));

reportFromCase({
  serverUrl: server.url,
  throughLink, throughDangling, overwrite, fresh, lineBreak, libraryWriteModes,
  precious: readFileSync(precious, 'utf8'),
  linkStillLink: lstatSync(join(dir, 'link.secret')).isSymbolicLink(),
  danglingCreated: existsSync(join(dir, 'created-through-link')),
  existing: { text: readFileSync(existing, 'utf8'), mode: statSync(existing).mode & 0o777 },
  oldInode: { text: readFileSync(join(dir, 'old-inode'), 'utf8'), mode: statSync(join(dir, 'old-inode')).mode & 0o777 },
  freshMode: statSync(join(dir, 'fresh.secret')).mode & 0o777,
  brokenWritten: existsSync(join(dir, 'broken.secret')),
  leftovers: readdirSync(dir).filter((name) => name.endsWith('.tmp')),
});
fs.rmSync(dir, { recursive: true, force: true });
await server.close();
