// Spec §10.1 item 12: the classic group state machine (spec §5.2/§5.3) driven by a fake clock,
// so timeouts are exercised exactly and without sockets or real waiting.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { after, describe, test } from 'node:test';
import { pino } from 'pino';
import type { BrokerState } from '../broker-state.js';
import { OffsetStore } from '../log/offset-store.js';
import type { RequestContext } from '../protocol/api.js';
import { describeGroupsApi } from '../protocol/apis/group-admin.js';
import { offsetCommitApi, offsetFetchApi } from '../protocol/apis/offsets.js';
import { ErrorCode } from '../protocol/error-codes.js';
import { GroupCoordinator, type Cancel, type JoinRequest, type JoinResult, type Scheduler, type SyncResult } from './coordinator.js';

/** Timers fire only when the test advances the clock, in due order (ties in scheduling order). */
class FakeClock implements Scheduler {
  now = 0;
  private seq = 0;
  private readonly timers = new Map<number, { due: number; fn: () => void }>();

  schedule(fn: () => void, delayMs: number): Cancel {
    const id = this.seq++;
    this.timers.set(id, { due: this.now + delayMs, fn });
    return () => void this.timers.delete(id);
  }

  advance(ms: number): void {
    const until = this.now + ms;
    for (;;) {
      let next: [number, { due: number; fn: () => void }] | undefined;
      for (const entry of this.timers) if (entry[1].due <= until && (!next || entry[1].due < next[1].due)) next = entry;
      if (!next) break;
      this.timers.delete(next[0]);
      this.now = next[1].due;
      next[1].fn();
    }
    this.now = until;
  }
}

const SESSION = 10_000;
const REBALANCE = 30_000;
const ALL_ERRORS_ARE_SILENT = pino({ level: 'silent' });

function setup(opts: { initialRebalanceDelayMs?: number } = {}) {
  const clock = new FakeClock();
  const coordinator = new GroupCoordinator({
    minSessionTimeoutMs: 6000,
    maxSessionTimeoutMs: 60_000,
    initialRebalanceDelayMs: opts.initialRebalanceDelayMs ?? 0,
    logger: ALL_ERRORS_ARE_SILENT,
    scheduler: clock,
  });
  return { clock, coordinator };
}

function proto(name: string, meta = name): { name: string; metadata: Buffer } {
  return { name, metadata: Buffer.from(meta) };
}

function joinReq(overrides: Partial<JoinRequest> = {}): JoinRequest {
  return {
    groupId: 'g',
    memberId: '',
    groupInstanceId: null,
    clientId: 'client',
    clientHost: '127.0.0.1',
    sessionTimeoutMs: SESSION,
    rebalanceTimeoutMs: REBALANCE,
    protocolType: 'consumer',
    protocols: [proto('range')],
    ...overrides,
  };
}

/** A request's outcome observable synchronously: undefined while the coordinator keeps it parked. */
interface Pending<T> {
  readonly value: T | undefined;
}

async function settle(): Promise<void> {
  await new Promise((r) => setImmediate(r));
}

async function track<T>(r: Promise<T> | T): Promise<Pending<T>> {
  const box: { value: T | undefined } = { value: undefined };
  if (r instanceof Promise) void r.then((v) => void (box.value = v));
  else box.value = r;
  await settle();
  return box;
}

function answered<T>(p: Pending<T>, what: string): T {
  assert.ok(p.value !== undefined, `${what} should have been answered`);
  return p.value;
}

function join(c: GroupCoordinator, overrides: Partial<JoinRequest> = {}, onCancel: (cancel: () => void) => void = () => {}) {
  return track<JoinResult>(c.join(joinReq(overrides), onCancel));
}

function sync(c: GroupCoordinator, generation: number, memberId: string, assignments: { memberId: string; assignment: Buffer }[] = []) {
  return track<SyncResult>(c.sync('g', generation, memberId, assignments));
}

/** Advances the clock by `totalMs` in heartbeat-sized steps, calling `beat` after each. */
function keepAlive(clock: FakeClock, totalMs: number, beat: () => void): void {
  for (let done = 0; done < totalMs; ) {
    const step = Math.min(5000, totalMs - done);
    clock.advance(step);
    done += step;
    beat();
  }
}

const state = (c: GroupCoordinator, group = 'g') => c.describe(group).state;
const generation = (c: GroupCoordinator, group = 'g') => c.groups.get(group)?.generationId;

/** Builds a Stable group: `first` joins alone, the others join one by one, each round fully re-synced. */
async function stableGroup(c: GroupCoordinator, count: number): Promise<{ leader: string; followers: string[]; gen: number }> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const joins = [await join(c, { clientId: `m${i}` })];
    for (const id of ids) joins.push(await join(c, { memberId: id }));
    const results = joins.map((j, k) => answered(j, `join ${k}`));
    assert.ok(results.every((r) => r.errorCode === 0));
    ids.length = 0;
    ids.push(...results.map((r) => r.memberId));
    const leader = results[0]!.leader;
    const gen = results[0]!.generationId;
    const syncs = [];
    for (const id of ids.filter((x) => x !== leader)) syncs.push(await sync(c, gen, id));
    syncs.push(await sync(c, gen, leader, ids.map((id) => ({ memberId: id, assignment: Buffer.from(`a-${id}`) }))));
    assert.ok(syncs.every((s) => s.value?.errorCode === 0));
  }
  const g = c.groups.get('g')!;
  assert.equal(g.state, 'Stable');
  return { leader: g.leaderId!, followers: ids.filter((x) => x !== g.leaderId), gen: g.generationId };
}

describe('group coordinator: joining and syncing (spec 5.2)', () => {
  test('first join of an unknown group creates it and completes generation 1 with the joiner as leader receiving its own metadata', async () => {
    const { coordinator: c } = setup();
    assert.equal(state(c), 'Dead');
    const j = answered(await join(c, { protocols: [proto('range', 'meta-1')] }), 'join');
    assert.equal(j.errorCode, 0);
    assert.equal(j.generationId, 1);
    assert.equal(j.protocolName, 'range');
    assert.equal(j.leader, j.memberId);
    assert.match(j.memberId, /^client-[0-9a-f-]{36}$/);
    assert.deepEqual(j.members, [{ memberId: j.memberId, groupInstanceId: null, metadata: Buffer.from('meta-1') }]);
    assert.equal(state(c), 'CompletingRebalance');
  });

  test('joins park in PreparingRebalance until the join completes; then generation++, one leader gets every member, followers get []', async () => {
    const { clock, coordinator: c } = setup({ initialRebalanceDelayMs: 3000 });
    const a = await join(c, { clientId: 'a', protocols: [proto('range', 'meta-a')] });
    const b = await join(c, { clientId: 'b', protocols: [proto('range', 'meta-b')] });
    assert.equal(state(c), 'PreparingRebalance');
    assert.equal(a.value, undefined);
    assert.equal(b.value, undefined);
    clock.advance(3000);
    await settle();
    const ra = answered(a, 'a');
    const rb = answered(b, 'b');
    assert.equal(state(c), 'CompletingRebalance');
    assert.equal(ra.generationId, 1);
    assert.equal(rb.generationId, 1);
    assert.equal(ra.leader, rb.leader);
    const [leader, follower] = ra.leader === ra.memberId ? [ra, rb] : [rb, ra];
    assert.deepEqual(
      leader.members.map((m) => m.metadata.toString()).sort(),
      ['meta-a', 'meta-b'],
    );
    assert.deepEqual(follower.members, []);
  });

  test("the leader's SyncGroup makes the group Stable and delivers each parked follower its own assignment; unassigned members get empty bytes", async () => {
    const { clock, coordinator: c } = setup({ initialRebalanceDelayMs: 100 });
    const joins = [await join(c, { clientId: 'a' }), await join(c, { clientId: 'b' }), await join(c, { clientId: 'c' })];
    clock.advance(100);
    await settle();
    const results = joins.map((j, i) => answered(j, `join ${i}`));
    const leader = results[0]!.leader;
    const [f1, f2] = results.map((r) => r.memberId).filter((id) => id !== leader) as [string, string];
    const parked = await sync(c, 1, f1);
    assert.equal(parked.value, undefined, 'a follower waits for the leader');
    assert.equal(state(c), 'CompletingRebalance');
    const fromLeader = await sync(c, 1, leader, [
      { memberId: leader, assignment: Buffer.from('for-leader') },
      { memberId: f1, assignment: Buffer.from('for-f1') },
    ]);
    assert.equal(state(c), 'Stable');
    assert.deepEqual(answered(fromLeader, 'leader sync'), { errorCode: 0, assignment: Buffer.from('for-leader') });
    assert.deepEqual(answered(parked, 'parked follower sync'), { errorCode: 0, assignment: Buffer.from('for-f1') });
    // A follower syncing after the group became Stable gets its stored (here: missing, so empty) assignment.
    assert.deepEqual(answered(await sync(c, 1, f2), 'late sync'), { errorCode: 0, assignment: Buffer.alloc(0) });
  });

  test('a follower rejoining a Stable group with identical metadata is answered at once with the current generation and no member list', async () => {
    const { coordinator: c } = setup();
    const { followers, leader, gen } = await stableGroup(c, 2);
    const r = answered(await join(c, { memberId: followers[0]! }), 'rejoin');
    assert.deepEqual({ ...r, members: r.members.length }, {
      errorCode: 0,
      generationId: gen,
      protocolName: 'range',
      leader,
      memberId: followers[0]!,
      members: 0,
    });
    assert.equal(state(c), 'Stable');
    assert.equal(generation(c), gen);
  });

  test('a follower rejoining a Stable group with changed metadata starts a rebalance', async () => {
    const { coordinator: c } = setup();
    const { followers, leader, gen } = await stableGroup(c, 2);
    const r = await join(c, { memberId: followers[0]!, protocols: [proto('range', 'changed')] });
    assert.equal(r.value, undefined);
    assert.equal(state(c), 'PreparingRebalance');
    const l = answered(await join(c, { memberId: leader }), 'leader rejoin');
    assert.equal(l.generationId, gen + 1);
    assert.deepEqual(l.members.find((m) => m.memberId === followers[0])?.metadata, Buffer.from('changed'));
  });

  test('the leader rejoining a Stable group starts a rebalance even with identical metadata, and stays leader', async () => {
    const { coordinator: c } = setup();
    const { followers, leader, gen } = await stableGroup(c, 2);
    const l = await join(c, { memberId: leader });
    assert.equal(l.value, undefined, 'the leader must wait for the followers to rejoin');
    assert.equal(state(c), 'PreparingRebalance');
    const f = answered(await join(c, { memberId: followers[0]! }), 'follower rejoin');
    const lr = answered(l, 'leader rejoin');
    assert.equal(lr.generationId, gen + 1);
    assert.equal(lr.leader, leader);
    assert.equal(f.leader, leader);
    assert.equal(lr.members.length, 2);
    assert.deepEqual(f.members, []);
  });

  test('a new member joining a Stable group waits until every existing member has rejoined', async () => {
    const { coordinator: c } = setup();
    const { followers, leader, gen } = await stableGroup(c, 2);
    const n = await join(c, { clientId: 'new' });
    assert.equal(state(c), 'PreparingRebalance');
    await join(c, { memberId: leader });
    assert.equal(n.value, undefined);
    await join(c, { memberId: followers[0]! });
    const r = answered(n, 'new member join');
    assert.equal(r.generationId, gen + 1);
    assert.equal(c.groups.get('g')!.members.size, 3);
  });

  test('in CompletingRebalance a same-metadata rejoin is answered at once, while a new member answers parked SyncGroups with 27 and clears assignments', async () => {
    const { clock, coordinator: c } = setup({ initialRebalanceDelayMs: 100 });
    const a = await join(c, { clientId: 'a' });
    const b = await join(c, { clientId: 'b' });
    clock.advance(100);
    await settle();
    const leader = answered(a, 'a').leader;
    const follower = [answered(a, 'a'), answered(b, 'b')].find((r) => r.memberId !== leader)!.memberId;
    const again = answered(await join(c, { memberId: leader }), 'leader rejoin in CompletingRebalance');
    assert.equal(again.generationId, 1);
    assert.equal(again.members.length, 2, 'the leader still gets the member list');
    assert.equal(state(c), 'CompletingRebalance');

    const parked = await sync(c, 1, follower);
    assert.equal(parked.value, undefined);
    const n = await join(c, { clientId: 'new' });
    assert.equal(state(c), 'PreparingRebalance');
    assert.deepEqual(answered(parked, 'parked sync'), { errorCode: ErrorCode.REBALANCE_IN_PROGRESS, assignment: Buffer.alloc(0) });
    assert.equal(n.value, undefined);
  });
});

describe('group coordinator: request rules (spec 5.3)', () => {
  test('JoinGroup rejects an empty group id (24), out-of-bounds session timeouts (26) and unknown member ids (25)', async () => {
    const { coordinator: c } = setup();
    assert.equal(answered(await join(c, { groupId: '' }), 'j').errorCode, ErrorCode.INVALID_GROUP_ID);
    assert.equal(answered(await join(c, { sessionTimeoutMs: 5999 }), 'j').errorCode, ErrorCode.INVALID_SESSION_TIMEOUT);
    assert.equal(answered(await join(c, { sessionTimeoutMs: 60_001 }), 'j').errorCode, ErrorCode.INVALID_SESSION_TIMEOUT);
    assert.equal(answered(await join(c, { memberId: 'ghost' }), 'j').errorCode, ErrorCode.UNKNOWN_MEMBER_ID);
    assert.equal(c.groups.has('g'), false, 'a known-member join must not create the group');
    await stableGroup(c, 1);
    assert.equal(answered(await join(c, { memberId: 'ghost' }), 'j').errorCode, ErrorCode.UNKNOWN_MEMBER_ID);
  });

  test('the group protocol is the one most members list first among the protocols every member supports', async () => {
    const { clock, coordinator: c } = setup({ initialRebalanceDelayMs: 100 });
    const joins = [
      await join(c, { clientId: 'a', protocols: [proto('range', 'a-range'), proto('roundrobin', 'a-rr')] }),
      await join(c, { clientId: 'b', protocols: [proto('roundrobin', 'b-rr'), proto('range', 'b-range')] }),
      // sticky is not supported by everyone, so this member's vote goes to its next candidate.
      await join(c, { clientId: 'c', protocols: [proto('sticky', 'c-sticky'), proto('roundrobin', 'c-rr'), proto('range', 'c-range')] }),
    ];
    clock.advance(100);
    await settle();
    const results = joins.map((j, i) => answered(j, `join ${i}`));
    assert.ok(results.every((r) => r.protocolName === 'roundrobin'));
    const leader = results.find((r) => r.members.length > 0)!;
    assert.deepEqual(leader.members.map((m) => m.metadata.toString()).sort(), ['a-rr', 'b-rr', 'c-rr']);
  });

  test('a member without a protocol every current member supports, or with another protocol type, is rejected with 23', async () => {
    const { coordinator: c } = setup();
    assert.equal(answered(await join(c, { protocols: [] }), 'j').errorCode, ErrorCode.INCONSISTENT_GROUP_PROTOCOL);
    assert.equal(answered(await join(c, { protocolType: '' }), 'j').errorCode, ErrorCode.INCONSISTENT_GROUP_PROTOCOL);
    const { leader } = await stableGroup(c, 1);
    assert.equal(answered(await join(c, { protocols: [proto('sticky')] }), 'j').errorCode, ErrorCode.INCONSISTENT_GROUP_PROTOCOL);
    assert.equal(answered(await join(c, { protocolType: 'connect' }), 'j').errorCode, ErrorCode.INCONSISTENT_GROUP_PROTOCOL);
    assert.equal(state(c), 'Stable', 'a rejected join must not disturb the group');
    assert.equal(c.groups.get('g')!.members.size, 1);
    // A sole member may switch protocols: only the other members constrain it.
    assert.equal((await join(c, { memberId: leader, protocols: [proto('sticky')] })).value?.protocolName, 'sticky');
  });

  test('SyncGroup answers 25 for unknown groups and members, 22 for a wrong generation and 27 during PreparingRebalance', async () => {
    const { coordinator: c } = setup();
    assert.equal(answered(await sync(c, 1, 'ghost'), 's').errorCode, ErrorCode.UNKNOWN_MEMBER_ID);
    const { leader, followers, gen } = await stableGroup(c, 2);
    assert.equal(answered(await sync(c, gen, 'ghost'), 's').errorCode, ErrorCode.UNKNOWN_MEMBER_ID);
    assert.equal(answered(await sync(c, gen + 1, leader), 's').errorCode, ErrorCode.ILLEGAL_GENERATION);
    await join(c, { memberId: leader });
    assert.equal(answered(await sync(c, gen, followers[0]!), 's').errorCode, ErrorCode.REBALANCE_IN_PROGRESS);
  });

  test('Heartbeat answers 0 in CompletingRebalance and Stable, 27 in PreparingRebalance, 22 for a wrong generation and 25 for unknown members', async () => {
    const { coordinator: c } = setup();
    assert.equal(c.heartbeat('g', 0, 'ghost'), ErrorCode.UNKNOWN_MEMBER_ID, 'unknown group');
    const first = answered(await join(c, { groupId: 'h', clientId: 'a' }), 'join');
    assert.equal(state(c, 'h'), 'CompletingRebalance');
    assert.equal(c.heartbeat('h', 1, first.memberId), ErrorCode.NONE);
    const { leader, followers, gen } = await stableGroup(c, 2);
    assert.equal(c.heartbeat('g', gen, leader), ErrorCode.NONE);
    assert.equal(c.heartbeat('g', gen - 1, leader), ErrorCode.ILLEGAL_GENERATION);
    assert.equal(c.heartbeat('g', gen, 'ghost'), ErrorCode.UNKNOWN_MEMBER_ID);
    await join(c, { memberId: leader });
    assert.equal(state(c), 'PreparingRebalance');
    assert.equal(c.heartbeat('g', gen, followers[0]!), ErrorCode.REBALANCE_IN_PROGRESS);
  });

  test('LeaveGroup starts a rebalance, answers the leaver’s parked JoinGroup with 25, and an emptied group becomes Empty with generation++', async () => {
    const { coordinator: c } = setup();
    const { leader, followers, gen } = await stableGroup(c, 2);
    const newcomer = await join(c, { clientId: 'new' });
    assert.equal(state(c), 'PreparingRebalance');
    const newId = [...c.groups.get('g')!.members.keys()].at(-1)!;
    assert.ok(![leader, ...followers].includes(newId), 'the new member is registered while parked');
    assert.equal(c.leave('g', newId), ErrorCode.NONE);
    await settle();
    assert.equal(answered(newcomer, 'parked join').errorCode, ErrorCode.UNKNOWN_MEMBER_ID);
    assert.equal(state(c), 'PreparingRebalance');

    // Both remaining members rejoin: gen+1. Then a member leaves a Stable group: rebalance.
    const l = await join(c, { memberId: leader });
    answered(await join(c, { memberId: followers[0]! }), 'follower rejoin');
    const next = answered(l, 'leader rejoin').generationId;
    assert.equal(next, gen + 1);
    assert.equal(answered(await sync(c, next, leader, []), 'sync').errorCode, 0);
    assert.equal(state(c), 'Stable');
    assert.equal(c.leave('g', followers[0]!), ErrorCode.NONE);
    assert.equal(state(c), 'PreparingRebalance');
    assert.equal(c.leave('g', followers[0]!), ErrorCode.UNKNOWN_MEMBER_ID, 'already gone');
    assert.equal(c.leave('nope', 'x'), ErrorCode.UNKNOWN_MEMBER_ID, 'unknown group');

    assert.equal(c.leave('g', leader), ErrorCode.NONE);
    assert.equal(state(c), 'Empty');
    assert.equal(generation(c), next + 1);
    assert.equal(c.heartbeat('g', next + 1, leader), ErrorCode.UNKNOWN_MEMBER_ID);
  });

  test('LeaveGroup during CompletingRebalance answers parked SyncGroups with 27', async () => {
    const { clock, coordinator: c } = setup({ initialRebalanceDelayMs: 100 });
    const a = await join(c, { clientId: 'a' });
    const b = await join(c, { clientId: 'b' });
    clock.advance(100);
    await settle();
    const leader = answered(a, 'a').leader;
    const follower = [answered(a, 'a'), answered(b, 'b')].find((r) => r.memberId !== leader)!.memberId;
    const parked = await sync(c, 1, follower);
    assert.equal(c.leave('g', leader), ErrorCode.NONE);
    await settle();
    assert.equal(answered(parked, 'parked sync').errorCode, ErrorCode.REBALANCE_IN_PROGRESS);
    assert.equal(state(c), 'PreparingRebalance');
  });

  test('when the leader leaves, a remaining member is elected leader of the next generation', async () => {
    const { coordinator: c } = setup();
    const { leader, followers, gen } = await stableGroup(c, 3);
    c.leave('g', leader);
    const j1 = await join(c, { memberId: followers[0]! });
    const j2 = answered(await join(c, { memberId: followers[1]! }), 'j2');
    const r1 = answered(j1, 'j1');
    assert.equal(r1.generationId, gen + 1);
    assert.ok(followers.includes(r1.leader));
    assert.equal(r1.leader, j2.leader);
    const newLeader = r1.leader === r1.memberId ? r1 : j2;
    assert.equal(newLeader.members.length, 2);
  });

  test('a JoinGroup whose connection closes while parked drops a brand-new member', async () => {
    const { coordinator: c } = setup();
    const { leader } = await stableGroup(c, 1);
    let cancel: (() => void) | undefined;
    const n = await join(c, { clientId: 'new' }, (fn) => (cancel = fn));
    assert.equal(c.groups.get('g')!.members.size, 2);
    cancel!();
    assert.equal(c.groups.get('g')!.members.size, 1);
    assert.equal(n.value, undefined, 'nobody is left to read the answer');
    assert.equal(answered(await join(c, { memberId: leader }), 'leader rejoin').members.length, 1);
  });
});

describe('group coordinator: timers (spec 5.2)', () => {
  test('a member that stops heartbeating is removed after its session timeout and the rest rebalance', async () => {
    const { clock, coordinator: c } = setup();
    const { leader, followers, gen } = await stableGroup(c, 2);
    clock.advance(SESSION - 1);
    assert.equal(c.heartbeat('g', gen, leader), ErrorCode.NONE);
    assert.equal(state(c), 'Stable');
    clock.advance(1);
    assert.equal(c.groups.get('g')!.members.has(followers[0]!), false);
    assert.equal(state(c), 'PreparingRebalance');
    const r = answered(await join(c, { memberId: leader }), 'rejoin');
    assert.equal(r.generationId, gen + 1);
    assert.deepEqual(r.members.map((m) => m.memberId), [leader]);
  });

  test('a member whose JoinGroup or SyncGroup is parked is not removed by its session timer', async () => {
    const { clock, coordinator: c } = setup();
    const { leader, followers, gen } = await stableGroup(c, 2);
    // The leader's rejoin stays parked while the follower keeps heartbeating (27) for longer than a session.
    const l = await join(c, { memberId: leader });
    keepAlive(clock, 2 * SESSION, () => assert.equal(c.heartbeat('g', gen, followers[0]!), ErrorCode.REBALANCE_IN_PROGRESS));
    assert.ok(c.groups.get('g')!.members.has(leader));
    assert.equal(l.value, undefined);
    // Same for a follower parked in SyncGroup while the leader keeps heartbeating.
    answered(await join(c, { memberId: followers[0]! }), 'follower rejoin');
    const parked = await sync(c, gen + 1, followers[0]!);
    keepAlive(clock, 2 * SESSION, () => assert.equal(c.heartbeat('g', gen + 1, leader), ErrorCode.NONE));
    await settle();
    assert.ok(c.groups.get('g')!.members.has(followers[0]!));
    assert.equal(parked.value, undefined);
  });

  test('the join timer (rebalance timeout) removes members that did not rejoin and completes the rebalance without them', async () => {
    const { clock, coordinator: c } = setup();
    const { leader, followers, gen } = await stableGroup(c, 3);
    const l = await join(c, { memberId: leader });
    const f = await join(c, { memberId: followers[0]! });
    // followers[1] heartbeats (so its session stays alive) but never rejoins.
    keepAlive(clock, REBALANCE - 1, () => c.heartbeat('g', gen, followers[1]!));
    await settle();
    assert.equal(l.value, undefined);
    assert.equal(f.value, undefined);
    clock.advance(1);
    await settle();
    const r = answered(l, 'leader join');
    assert.equal(r.generationId, gen + 1);
    assert.deepEqual(r.members.map((m) => m.memberId).sort(), [leader, followers[0]!].sort());
    assert.equal(answered(f, 'follower join').generationId, gen + 1);
    assert.equal(c.groups.get('g')!.members.has(followers[1]!), false);
    assert.equal(c.heartbeat('g', gen + 1, followers[1]!), ErrorCode.UNKNOWN_MEMBER_ID);
  });

  test('the sync timer removes members that never sent SyncGroup, answers the parked ones with 27 (restarting their session) and elects a new leader', async () => {
    const { clock, coordinator: c } = setup({ initialRebalanceDelayMs: 100 });
    const a = await join(c, { clientId: 'a' });
    const b = await join(c, { clientId: 'b' });
    clock.advance(100);
    await settle();
    const leader = answered(a, 'a').leader;
    const follower = [answered(a, 'a'), answered(b, 'b')].find((r) => r.memberId !== leader)!.memberId;
    const parked = await sync(c, 1, follower);
    // The leader keeps heartbeating but never syncs.
    keepAlive(clock, REBALANCE - 1, () => assert.equal(c.heartbeat('g', 1, leader), ErrorCode.NONE));
    await settle();
    assert.equal(parked.value, undefined);
    clock.advance(1);
    await settle();
    assert.equal(answered(parked, 'parked sync').errorCode, ErrorCode.REBALANCE_IN_PROGRESS);
    assert.equal(c.groups.get('g')!.members.has(leader), false);
    assert.equal(state(c), 'PreparingRebalance');
    // The 27 answer restarts the follower's session, so it has a full session to rejoin.
    clock.advance(SESSION - 1);
    const r = answered(await join(c, { memberId: follower }), 'rejoin');
    assert.equal(r.generationId, 2);
    assert.equal(r.leader, follower);
  });

  test('the sync timer empties a group whose members all failed to sync', async () => {
    const { clock, coordinator: c } = setup();
    const { memberId } = answered(await join(c), 'join');
    // Heartbeats keep the session alive, so only the sync timer can remove the member.
    keepAlive(clock, REBALANCE - 1, () => assert.equal(c.heartbeat('g', 1, memberId), ErrorCode.NONE));
    assert.equal(state(c), 'CompletingRebalance');
    clock.advance(1);
    assert.equal(state(c), 'Empty');
    assert.equal(generation(c), 2);
  });
});

describe('group coordinator: offsets and describe (spec 5.3)', () => {
  const dirs: string[] = [];
  after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  /** The offset API handlers over a real offset journal and this coordinator; topic "t" has partitions 0 and 1. */
  function brokerFor(c: GroupCoordinator): { ctx: RequestContext; offsets: OffsetStore } {
    const dir = mkdtempSync(joinPath(tmpdir(), 'group-coordinator-'));
    dirs.push(dir);
    const offsets = new OffsetStore(dir);
    const broker = {
      groups: c,
      offsets,
      logger: ALL_ERRORS_ARE_SILENT,
      topics: { partition: (name: string, index: number) => (name === 't' && (index === 0 || index === 1) ? {} : undefined) },
    } as unknown as BrokerState;
    const ctx: RequestContext = { version: 5, clientId: 'test', clientHost: '127.0.0.1', broker, signal: new AbortController().signal };
    return { ctx, offsets };
  }

  async function commit(ctx: RequestContext, generationIdOrMemberEpoch: number, memberId: string, offsets: bigint[]): Promise<number[]> {
    const res = (await offsetCommitApi.handle(
      {
        groupId: 'g',
        generationIdOrMemberEpoch,
        memberId,
        topics: [{ name: 't', partitions: offsets.map((o, i) => ({ partitionIndex: i, committedOffset: o, committedMetadata: null })) }],
      },
      ctx,
    )) as { topics: { partitions: { errorCode: number }[] }[] };
    return res.topics[0]!.partitions.map((p) => p.errorCode);
  }

  async function fetchOffsets(ctx: RequestContext, groupId = 'g') {
    const res = (await offsetFetchApi.handle({ groupId, topics: [{ name: 't', partitionIndexes: [0, 1] }] }, ctx)) as {
      errorCode: number;
      topics: { partitions: { committedOffset: bigint; errorCode: number }[] }[];
    };
    return { errorCode: res.errorCode, partitions: res.topics[0]!.partitions.map((p) => [p.committedOffset, p.errorCode]) };
  }

  test('OffsetCommit with generation -1 on an unknown group creates an Empty offset-only group and stores the offsets', async () => {
    const { coordinator: c } = setup();
    const { ctx } = brokerFor(c);
    assert.deepEqual(await commit(ctx, -1, '', [5n, 7n]), [0, 0]);
    assert.equal(state(c), 'Empty');
    assert.deepEqual(await fetchOffsets(ctx), { errorCode: 0, partitions: [[5n, 0], [7n, 0]] });
    // And an Empty group keeps accepting generation -1 commits.
    assert.deepEqual(await commit(ctx, -1, '', [6n, 8n]), [0, 0]);
  });

  test('OffsetCommit answers 22 on an unknown group with a real generation, 25 for non-members, 22 for a stale generation and 27 in CompletingRebalance', async () => {
    const { coordinator: c } = setup();
    const { ctx } = brokerFor(c);
    assert.deepEqual(await commit(ctx, 3, 'someone', [1n, 1n]), [ErrorCode.ILLEGAL_GENERATION, ErrorCode.ILLEGAL_GENERATION]);
    assert.equal(c.groups.has('g'), false, 'a refused commit must not create the group');


    const { leader, followers, gen } = await stableGroup(c, 2);
    assert.deepEqual(await commit(ctx, gen, 'ghost', [1n, 1n]), [ErrorCode.UNKNOWN_MEMBER_ID, ErrorCode.UNKNOWN_MEMBER_ID]);
    assert.deepEqual(await commit(ctx, gen - 1, leader, [1n, 1n]), [ErrorCode.ILLEGAL_GENERATION, ErrorCode.ILLEGAL_GENERATION]);
    assert.deepEqual(await commit(ctx, -1, '', [1n, 1n]), [ErrorCode.UNKNOWN_MEMBER_ID, ErrorCode.UNKNOWN_MEMBER_ID], 'gen -1 only on Empty groups');
    assert.deepEqual(await commit(ctx, gen, leader, [10n, 11n]), [0, 0], 'Stable accepts members');
    await join(c, { memberId: leader });
    assert.equal(state(c), 'PreparingRebalance');
    assert.deepEqual(await commit(ctx, gen, followers[0]!, [12n, 13n]), [0, 0], 'PreparingRebalance accepts members');
    assert.deepEqual(await fetchOffsets(ctx), { errorCode: 0, partitions: [[12n, 0], [13n, 0]] });
    answered(await join(c, { memberId: followers[0]! }), 'follower rejoin');
    assert.equal(state(c), 'CompletingRebalance');
    assert.deepEqual(await commit(ctx, gen + 1, leader, [1n, 1n]), [ErrorCode.REBALANCE_IN_PROGRESS, ErrorCode.REBALANCE_IN_PROGRESS]);
    assert.deepEqual(await fetchOffsets(ctx), { errorCode: 0, partitions: [[12n, 0], [13n, 0]] });
  });

  test('an OffsetCommit in Stable resets the member session', async () => {
    const { clock, coordinator: c } = setup();
    const { ctx } = brokerFor(c);
    const { leader, gen } = await stableGroup(c, 1);
    clock.advance(SESSION - 1);
    assert.deepEqual(await commit(ctx, gen, leader, [1n, 1n]), [0, 0]);
    clock.advance(SESSION - 1);
    assert.equal(state(c), 'Stable');
    clock.advance(1);
    assert.equal(state(c), 'Empty');
  });

  test('negative committed offsets (kafkajs -1/-2 resets) are stored and returned verbatim', async () => {
    const { coordinator: c } = setup();
    const { ctx } = brokerFor(c);
    assert.deepEqual(await commit(ctx, -1, '', [-1n, -2n]), [0, 0]);
    assert.deepEqual(await fetchOffsets(ctx), { errorCode: 0, partitions: [[-1n, 0], [-2n, 0]] });
  });

  test('OffsetFetch answers offset -1 with error 0 for partitions without a commit and for unknown groups', async () => {
    const { coordinator: c } = setup();
    const { ctx } = brokerFor(c);
    assert.deepEqual(await fetchOffsets(ctx, 'unknown'), { errorCode: 0, partitions: [[-1n, 0], [-1n, 0]] });
    assert.deepEqual(await commit(ctx, -1, '', [4n]), [0]);
    assert.deepEqual(await fetchOffsets(ctx), { errorCode: 0, partitions: [[4n, 0], [-1n, 0]] });
  });

  test('DeleteGroups removes only Empty groups (Empty -> Dead) and refuses groups with members (68)', async () => {
    const { coordinator: c } = setup();
    const { leader } = await stableGroup(c, 1);
    assert.equal(c.deleteGroup('g', false), ErrorCode.NON_EMPTY_GROUP);
    c.leave('g', leader);
    assert.equal(state(c), 'Empty');
    assert.equal(c.deleteGroup('g', true), ErrorCode.NONE);
    assert.equal(state(c), 'Dead');
    assert.equal(c.deleteGroup('g', false), ErrorCode.GROUP_ID_NOT_FOUND);
  });

  test('DescribeGroups reports an unknown group as Dead with error 0', async () => {
    const { coordinator: c } = setup();
    const { ctx } = brokerFor(c);
    const res = (await describeGroupsApi.handle({ groups: ['unknown'] }, ctx)) as { groups: Record<string, unknown>[] };
    assert.deepEqual(res.groups, [{ errorCode: 0, groupId: 'unknown', groupState: 'Dead', protocolType: '', protocolData: '', members: [] }]);
  });
});
