import { describe, expect, it } from 'vitest';
import { RoomSeats } from '../../server/room/RoomSeats';
import {
  NEW_SEATS_BURST_PER_ADDRESS,
  NEW_SEATS_BURST_PER_BOARD,
  NEW_SEATS_PER_MINUTE_PER_ADDRESS,
  NEW_SEATS_PER_MINUTE_PER_BOARD,
} from '../../shared/limits';

/** Any time after the room opened (its allowances are full then). */
const T0 = Date.now() + 3_600_000;

/** How many of `attempts` new seats `address` gets at time `now`. */
function admitted(seats: RoomSeats, address: string, attempts: number, now: number): number {
  let n = 0;
  for (let i = 0; i < attempts; i++) if (seats.mayOpenSeat(address, now)) n += 1;
  return n;
}

describe('the allowance of new seats (clock in hand)', () => {
  it('gives one address its burst, then its rate per minute; other addresses are not held back by it', () => {
    const seats = new RoomSeats();
    expect(admitted(seats, 'a', NEW_SEATS_BURST_PER_ADDRESS + 10, T0)).toBe(NEW_SEATS_BURST_PER_ADDRESS);
    expect(admitted(seats, 'b', 5, T0)).toBe(5);
    expect(admitted(seats, 'a', 100, T0 + 30_000)).toBe(NEW_SEATS_PER_MINUTE_PER_ADDRESS / 2);
  });

  it('gives the board its burst from every address together, then its rate', () => {
    const seats = new RoomSeats();
    let total = 0;
    for (let i = 0; i < 10; i++) total += admitted(seats, `10.0.0.${i}`, NEW_SEATS_BURST_PER_ADDRESS, T0);
    expect(total).toBe(NEW_SEATS_BURST_PER_BOARD);
    let later = 0;
    for (let i = 10; i < 20; i++) later += admitted(seats, `10.0.0.${i}`, NEW_SEATS_BURST_PER_ADDRESS, T0 + 60_000);
    expect(later).toBe(NEW_SEATS_PER_MINUTE_PER_BOARD);
  });

  it('does not let one flooding address spend the board’s allowance', () => {
    const seats = new RoomSeats();
    admitted(seats, 'flood', 10_000, T0);
    let others = 0;
    for (let i = 0; i < 10; i++) others += admitted(seats, `10.1.0.${i}`, NEW_SEATS_BURST_PER_ADDRESS, T0);
    expect(others).toBe(NEW_SEATS_BURST_PER_BOARD - NEW_SEATS_BURST_PER_ADDRESS);
  });

  it('runs concurrent registrations of one key once', async () => {
    const seats = new RoomSeats();
    let runs = 0;
    const task = async () => {
      runs += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return runs;
    };
    expect(await Promise.all([seats.once('k', task), seats.once('k', task)])).toEqual([1, 1]);
    expect(await seats.once('k', task)).toBe(2);
  });

  it('knows the seats it opened with and those registered since by their secrets, and forgets a removed one', () => {
    const seats = new RoomSeats(new Map([['aa', 'p1']]));
    expect(seats.total).toBe(1);
    expect(seats.knownSeat('aa')).toBe('p1');
    expect(seats.knownSeat('bb')).toBeUndefined();
    seats.opened('bb', 'p2', true);
    seats.opened('cc', 'p3', false); // found in storage: a seat the count already had
    expect([seats.knownSeat('bb'), seats.knownSeat('cc'), seats.total]).toEqual(['p2', 'p3', 2]);
    seats.remove('p1');
    expect(seats.knownSeat('aa')).toBeUndefined();
    // A removal applied while that seat's AUTH was still asking storage: it is not learnt again.
    seats.opened('aa', 'p1', false);
    expect(seats.knownSeat('aa')).toBeUndefined();
  });

  it('counts seats, forgets a removed one, and never hands its handle out again', () => {
    const seats = new RoomSeats(
      new Map([
        ['aa', 'p1'],
        ['bb', 'p2'],
      ]),
    );
    const handle = seats.handleOf('p1');
    expect(seats.handleOf('p1')).toBe(handle);
    expect(seats.handleMap(new Set())).toEqual(new Map([[handle, 'p1']]));
    expect(seats.handleMap(new Set(['p1']))).toEqual(new Map());
    seats.remove('p1');
    seats.remove('p1');
    expect(seats.total).toBe(1);
    expect(seats.isRemoved('p1')).toBe(true);
    expect(seats.handleMap(new Set())).toEqual(new Map());
  });
});
