import { PROTOCOL_VERSION } from '../../shared/protocol';
import type { Participant } from './fixtures';
import { LightClient } from './lightClient';
import { accordProbe, type Probe, referenceProbe } from './probes';
import type { ServerUnderTest } from './servers';
import { until } from './stats';

/** A room full of simulated people: many light clients and a few full probes spread among them. */
export interface Crowd {
  readonly lights: LightClient[];
  readonly probes: Probe[];
  close(): void;
}

/**
 * Connects `total` participants to a board (Accord) or room (reference), `probes` of them full
 * clients placed evenly in the join order (a server broadcasts in join order, so probes sample
 * early, middle and late receivers), `batch` at a time, each batch synced before the next.
 */
export async function connectCrowd(
  server: ServerUnderTest,
  target: { boardId: string; participants: readonly Participant[] } | { room: string },
  total: number,
  probes: number,
  options: { batch?: number; keepSlices?: boolean; offset?: number; offerDeflate?: boolean } = {},
): Promise<Crowd> {
  const batch = options.batch ?? 25;
  const deflate = options.offerDeflate ? { offerDeflate: true } : {};
  const offset = options.offset ?? 0;
  const isProbe = (i: number) => probes > 0 && i % Math.floor(total / probes) === Math.floor(total / probes / 2) && i < total;
  const crowd: Crowd = {
    lights: [],
    probes: [],
    close() {
      for (const l of this.lights) l.close();
      for (const p of this.probes) p.close();
    },
  };
  let probesMade = 0;
  for (let start = 0; start < total; start += batch) {
    const lights: LightClient[] = [];
    const newProbes: Probe[] = [];
    for (let i = start; i < Math.min(total, start + batch); i++) {
      const makeProbe = isProbe(i) && probesMade < probes;
      if ('boardId' in target) {
        const participant = target.participants[(offset + i) % target.participants.length];
        if (!participant) throw new Error('connectCrowd: no participants in the fixture');
        if (makeProbe)
          newProbes.push(
            accordProbe(server.wsBase, target.boardId, { participantSecret: participant.secret }, options.offerDeflate),
          );
        else
          lights.push(
            new LightClient({
              url: `${server.wsBase}/${target.boardId}`,
              auth: { v: PROTOCOL_VERSION, participantSecret: participant.secret },
              ...(options.keepSlices ? { keepSlices: true } : {}),
              ...deflate,
            }),
          );
      } else if (makeProbe) newProbes.push(referenceProbe(server.wsBase, target.room, undefined, options.offerDeflate));
      else lights.push(new LightClient({ url: `${server.wsBase}/${target.room}`, ...deflate }));
      if (makeProbe) probesMade += 1;
    }
    crowd.lights.push(...lights);
    crowd.probes.push(...newProbes);
    await Promise.all(lights.map((l) => l.opened.then(() => l.whenSynced())));
    await until(() => newProbes.every((p) => p.isSynced()), 30_000, 'probes to sync', 5);
  }
  return crowd;
}
