// Streaming against the peers: events/s, CPU and peak RSS for `EVENTS` `update` events of about
// 3 KB each, from one loopback server that sends every client the same events over its
// transport: this library with its defaults (catch-up on) over SSE and over WebSocket
// (undici's, and `ws` plugged in with `useWebSocket`), masto.js's and megalodon's streaming
// clients (both WebSocket on `ws`), and three floors with loopback I/O measured in the same run:
// a bare `undici.request` + the bare SSE parser + `JSON.parse`, and a bare WebSocket, undici's
// and `ws`, + `JSON.parse` of each frame and of the payload inside it. The bare parser +
// `JSON.parse` on the same bytes without I/O is a reference row. Each client lives in a child
// process of its own; each round opens one stream per client, in turn, and reads it until
// `EVENTS` events have arrived. Ratios are medians over the rounds of throughput (higher is
// better) and of CPU time (lower is better) relative to a floor's in the same round.
//
//   npx tsx bench/streaming-peers.bench.ts     # BENCH_RUNS=9 rounds of BENCH_EVENTS=20,000 events
//                                              # by default, over BENCH_PROCESSES=3 sets of processes
//
// 20,000 events a stream, as in the measurement against Mastodon's own streaming server: a
// stream lives long, and what it costs per event is what the table is about; with 5,000, the
// work of each new connection (a cold process's first REST reads, catch-up's among them)
// weighs on this library's figures about as much as its work per event does.
import { fileURLToPath } from 'node:url';
import { loadStreamClient, STREAM_CLIENTS, type StreamClientName } from './clients/streaming.js';
import { mb, median, round, runCount } from './support/measure.js';
import { saveSection } from './support/results.js';
import { BENCH_TOKEN } from './support/server.js';
import { startStreamServer } from './support/stream-server.js';
import { PROCESS_SETS, runRounds, serveWorker, startWorker, type RoundsMeasured } from './support/workers.js';

const EVENTS = Number(process.env['BENCH_EVENTS']) || 20000;
const ALL_CLIENTS = Object.keys(STREAM_CLIENTS) as StreamClientName[];
const FLOORS = {
  'SSE': 'floor: undici.request + SSE parser', 'WebSocket': 'floor: bare WebSocket', 'WebSocket on ws': 'floor: bare ws',
} as const satisfies Record<string, StreamClientName>;
const PARSER: StreamClientName = 'reference: SSE parser, no I/O';
/** `BENCH_CLIENTS=masto,megalodon` narrows the run (the floors and the reference always run: they are the baselines). */
const CLIENTS = ALL_CLIENTS.filter((name) => name.startsWith('floor') || name === PARSER || !process.env['BENCH_CLIENTS'] || process.env['BENCH_CLIENTS'].split(',').includes(name));

async function child(name: StreamClientName, url: string): Promise<void> {
  const client = await loadStreamClient(name, url, BENCH_TOKEN);
  await serveWorker(() => client.stream(EVENTS), (chunk) => client.stream(chunk.size));
}

async function main(): Promise<void> {
  const rounds = runCount(9);
  const server = await startStreamServer(EVENTS, BENCH_TOKEN);
  let measured: Map<StreamClientName, RoundsMeasured>;
  try {
    measured = await runRounds({
      names: CLIENTS, rounds, sets: PROCESS_SETS, chunk: { size: EVENTS },
      start: (name) => startWorker(fileURLToPath(import.meta.url), ['child', name, server.url]),
      check: (name, report) => {
        if (report.units !== EVENTS) throw new Error(`${name}: received ${report.units} events, expected ${EVENTS}`);
      },
      progress: (done, latest) => process.stderr.write(`  round ${done}/${rounds}: ${CLIENTS.map((n) => `${n} ${(EVENTS / latest.get(n)!.seconds).toFixed(0)}`).join(', ')} events/s\n`),
    });
  } finally {
    await server.close();
  }
  const runs = new Map(CLIENTS.map((name) => [name, measured.get(name)!.reports]));
  const peakRss = new Map(CLIENTS.map((name) => [name, measured.get(name)!.peakRss]));
  const parserFloor = runs.get(PARSER)!;
  const rows = CLIENTS.map((name) => {
    const list = runs.get(name)!;
    const transport = STREAM_CLIENTS[name].transport;
    const floor = runs.get(FLOORS[transport])!;
    const seconds = list.reduce((sum, run) => sum + run.seconds, 0);
    const cpu = list.reduce((sum, run) => sum + run.cpuSeconds, 0);
    return [
      transport, name, Math.round((EVENTS * rounds) / seconds),
      round(median(list.map((run, i) => floor[i]!.seconds / run.seconds))),
      round(median(list.map((run, i) => parserFloor[i]!.seconds / run.seconds))),
      round((cpu / (EVENTS * rounds)) * 1e6, 1),
      round(median(list.map((run, i) => run.cpuSeconds / floor[i]!.cpuSeconds))),
      mb(peakRss.get(name)!),
    ];
  });
  saveSection('streaming-peers', {
    title: 'Streaming against the peers',
    description: `${EVENTS.toLocaleString('en')} \`update\` events of about 3 KB (bench statuses) per stream, from one loopback server that sends every client the same events: `
      + 'SSE at `/api/v1/streaming/public`, WebSocket frames with the status JSON encoded again inside `payload`, as Mastodon sends them. '
      + `In ${rounds} rounds, each client opens one stream in turn and reads it until all events have arrived; each client runs in a process of its own, the rounds spread over ${Math.min(PROCESS_SETS, rounds)} fresh sets of processes. `
      + 'The floors are measured in the same run, with the same loopback I/O as the clients: for SSE a bare `undici.request` whose Node body goes through a `TextDecoder` '
      + 'into the bare SSE parser (`eventsource-parser`, the one `eventsource` uses) + `JSON.parse` of each event; for WebSocket a bare socket of the same library as the client '
      + '(undici\'s `WebSocket`, or `ws`) + `JSON.parse` of each frame and of its payload. The reference row is the bare SSE parser + `JSON.parse` on the same bytes read from memory (no socket, no HTTP). '
      + '"× transport floor" is the median over the rounds of throughput relative to the floor of the same transport in the same round, "× parser (no I/O)" relative to '
      + 'the reference (higher is better); events/s is over all rounds; CPU µs/event is the client process\'s own CPU time (user + system), which other processes on the machine disturb less, '
      + 'and "CPU × transport floor" the median over the rounds of that CPU time relative to the floor\'s in the same round (lower is better). '
      + 'This library runs with its defaults, catch-up on: each stream asks the public timeline for its starting point and, once connected, reads what was published since '
      + '(the server answers that nothing was). masto.js and megalodon stream over WebSocket only, both through `ws`, which reads frames faster than undici\'s `WebSocket` '
      + '(the one this library uses by default); "mastodon-rx on ws" is this library with `useWebSocket(api, WebSocket)` from `ws` (the version megalodon uses), and these three are measured against the bare `ws` floor. '
      + 'masto.js keeps one client per process, as an application does, and subscribes on its socket '
      + 'for each stream (its first connection waits 1 s, where its backoff starts; that falls in the warm-up); megalodon asks `/api/v1/instance` for the streaming URL and '
      + 'opens a socket for every stream. Peak RSS is the child process\'s, the reference\'s including the stream\'s bytes it holds in memory.',
    columns: ['transport', 'client', 'events/s', '× transport floor', '× parser (no I/O)', 'CPU µs/event', 'CPU × transport floor', 'peak RSS (MB)'],
    rows,
    raw: Object.fromEntries([...runs].map(([name, list]) => [name, {
      runSeconds: list.map((run) => round(run.seconds, 4)), runCpuSeconds: list.map((run) => round(run.cpuSeconds, 4)), peakRss: peakRss.get(name),
    }])),
  });
  console.log(`streaming against the peers, ${EVENTS} events, ${rounds} rounds`);
  for (const row of rows) console.log(row.map(String).join('\t'));
}

const [role, name, url] = process.argv.slice(2);
if (role === 'child') await child(name as StreamClientName, url!);
else await main();
