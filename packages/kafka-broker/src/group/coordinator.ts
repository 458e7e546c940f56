import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { ErrorCode } from '../protocol/error-codes.js';

export type GroupState = 'Empty' | 'PreparingRebalance' | 'CompletingRebalance' | 'Stable' | 'Dead';

export interface ProtocolOffer {
  name: string;
  metadata: Buffer;
}

export interface JoinResult {
  errorCode: number;
  generationId: number;
  protocolName: string;
  leader: string;
  memberId: string;
  members: { memberId: string; groupInstanceId: string | null; metadata: Buffer }[];
}

export interface SyncResult {
  errorCode: number;
  assignment: Buffer;
}

interface Member {
  id: string;
  groupInstanceId: string | null;
  clientId: string;
  clientHost: string;
  sessionTimeoutMs: number;
  rebalanceTimeoutMs: number;
  protocolType: string;
  protocols: ProtocolOffer[];
  assignment: Buffer;
  joinWaiter: ((r: JoinResult) => void) | null;
  syncWaiter: ((r: SyncResult) => void) | null;
  sessionTimer: Cancel | null;
  isNew: boolean;
}

export interface Group {
  id: string;
  state: GroupState;
  generationId: number;
  protocolType: string | null;
  protocolName: string | null;
  leaderId: string | null;
  members: Map<string, Member>;
  pendingSync: Set<string>;
  joinTimer: Cancel | null;
  syncTimer: Cancel | null;
}

/** Cancels a scheduled callback; harmless after it has run. */
export type Cancel = () => void;

/**
 * Where the coordinator's session, join and sync timers come from. Injectable so the state
 * machine can be driven by a fake clock in unit tests instead of waiting for real timeouts.
 */
export interface Scheduler {
  schedule(fn: () => void, delayMs: number): Cancel;
}

export const realTimers: Scheduler = {
  schedule(fn, delayMs) {
    const t = setTimeout(fn, delayMs);
    // Group timers must never keep the process alive on their own.
    t.unref();
    return () => clearTimeout(t);
  },
};

export interface CoordinatorOptions {
  minSessionTimeoutMs: number;
  maxSessionTimeoutMs: number;
  /** Kafka waits 3 s before the first rebalance of an empty group; a dev broker defaults to 0. */
  initialRebalanceDelayMs: number;
  logger: Logger;
  /** Defaults to real (unref'd) timers. */
  scheduler?: Scheduler;
}

export interface JoinRequest {
  groupId: string;
  memberId: string;
  groupInstanceId: string | null;
  clientId: string;
  clientHost: string;
  sessionTimeoutMs: number;
  rebalanceTimeoutMs: number;
  protocolType: string;
  protocols: ProtocolOffer[];
}

const EMPTY = Buffer.alloc(0);

function joinError(errorCode: number, memberId = ''): JoinResult {
  return { errorCode, generationId: -1, protocolName: '', leader: '', memberId, members: [] };
}

/**
 * The classic consumer-group protocol (Kafka's GroupCoordinator): members join, one leader
 * computes assignments, the group moves Empty → PreparingRebalance → CompletingRebalance →
 * Stable, and leave / session expiry trigger a new generation.
 */
export class GroupCoordinator {
  readonly groups = new Map<string, Group>();

  private readonly scheduler: Scheduler;

  constructor(private readonly opts: CoordinatorOptions) {
    this.scheduler = opts.scheduler ?? realTimers;
  }

  private getOrCreate(groupId: string): Group {
    let g = this.groups.get(groupId);
    if (!g) {
      g = {
        id: groupId,
        state: 'Empty',
        generationId: 0,
        protocolType: null,
        protocolName: null,
        leaderId: null,
        members: new Map(),
        pendingSync: new Set(),
        joinTimer: null,
        syncTimer: null,
      };
      this.groups.set(groupId, g);
    }
    return g;
  }

  /** Creates the offset-only group that an OffsetCommit with generation -1 needs. */
  ensureGroup(groupId: string): Group {
    return this.getOrCreate(groupId);
  }

  private supportsProtocols(group: Group, req: JoinRequest, self?: Member): boolean {
    if (req.protocolType === '' || req.protocols.length === 0) return false;
    const others = [...group.members.values()].filter((m) => m !== self);
    if (others.length === 0) return true;
    if (group.protocolType !== null && group.protocolType !== req.protocolType) return false;
    return req.protocols.some((p) => others.every((m) => m.protocols.some((mp) => mp.name === p.name)));
  }

  join(req: JoinRequest, onCancel: (cancel: () => void) => void): Promise<JoinResult> | JoinResult {
    if (req.groupId === '') return joinError(ErrorCode.INVALID_GROUP_ID);
    if (req.sessionTimeoutMs < this.opts.minSessionTimeoutMs || req.sessionTimeoutMs > this.opts.maxSessionTimeoutMs) {
      return joinError(ErrorCode.INVALID_SESSION_TIMEOUT);
    }
    const existing = this.groups.get(req.groupId);
    if (!existing && req.memberId !== '') return joinError(ErrorCode.UNKNOWN_MEMBER_ID, req.memberId);
    const group = existing ?? this.getOrCreate(req.groupId);

    if (req.memberId === '') {
      if (!this.supportsProtocols(group, req)) return joinError(ErrorCode.INCONSISTENT_GROUP_PROTOCOL);
      const member: Member = {
        id: `${req.clientId}-${randomUUID()}`,
        groupInstanceId: req.groupInstanceId,
        clientId: req.clientId,
        clientHost: req.clientHost,
        sessionTimeoutMs: req.sessionTimeoutMs,
        rebalanceTimeoutMs: req.rebalanceTimeoutMs,
        protocolType: req.protocolType,
        protocols: req.protocols,
        assignment: EMPTY,
        joinWaiter: null,
        syncWaiter: null,
        sessionTimer: null,
        isNew: true,
      };
      group.members.set(member.id, member);
      if (group.protocolType === null) group.protocolType = req.protocolType;
      const result = this.park(group, member, onCancel);
      if (group.state === 'Empty' || group.state === 'Stable' || group.state === 'CompletingRebalance') {
        this.prepareRebalance(group, `member ${member.id} joined`);
      }
      this.checkJoinComplete(group);
      return result;
    }

    const member = group.members.get(req.memberId);
    if (!member) return joinError(ErrorCode.UNKNOWN_MEMBER_ID, req.memberId);
    if (!this.supportsProtocols(group, req, member)) return joinError(ErrorCode.INCONSISTENT_GROUP_PROTOCOL, req.memberId);
    const sameProtocols = sameOffers(member.protocols, req.protocols);
    member.sessionTimeoutMs = req.sessionTimeoutMs;
    member.rebalanceTimeoutMs = req.rebalanceTimeoutMs;
    switch (group.state) {
      case 'PreparingRebalance': {
        member.protocols = req.protocols;
        const result = this.park(group, member, onCancel);
        this.checkJoinComplete(group);
        return result;
      }
      case 'CompletingRebalance':
      case 'Stable': {
        if (sameProtocols && (group.state === 'CompletingRebalance' || member.id !== group.leaderId)) {
          this.touch(group, member);
          return this.joinResultFor(group, member);
        }
        member.protocols = req.protocols;
        const result = this.park(group, member, onCancel);
        this.prepareRebalance(group, `member ${member.id} rejoined`);
        this.checkJoinComplete(group);
        return result;
      }
      default:
        return joinError(ErrorCode.UNKNOWN_MEMBER_ID, req.memberId);
    }
  }

  private park(group: Group, member: Member, onCancel: (cancel: () => void) => void): Promise<JoinResult> {
    // A superseded JoinGroup from the same member is answered rather than left hanging.
    member.joinWaiter?.(joinError(ErrorCode.REBALANCE_IN_PROGRESS, member.id));
    return new Promise<JoinResult>((resolve) => {
      member.joinWaiter = resolve;
      onCancel(() => {
        // The client vanished mid-join: a brand-new member would otherwise linger as a ghost.
        if (member.joinWaiter === resolve) {
          member.joinWaiter = null;
          if (member.isNew && group.members.get(member.id) === member) this.removeMember(group, member, 'connection closed during join');
        }
      });
    });
  }

  private rebalanceTimeout(group: Group): number {
    let t = 0;
    for (const m of group.members.values()) t = Math.max(t, m.rebalanceTimeoutMs > 0 ? m.rebalanceTimeoutMs : m.sessionTimeoutMs);
    return t || 60_000;
  }

  private prepareRebalance(group: Group, reason: string): void {
    if (group.state === 'CompletingRebalance') {
      for (const m of group.members.values()) {
        m.assignment = EMPTY;
        const w = m.syncWaiter;
        m.syncWaiter = null;
        if (w) {
          // Like any delivered SyncGroup response this restarts the session, so the member has a
          // full session to rejoin instead of expiring on a timer armed while it was parked.
          this.touch(group, m);
          w({ errorCode: ErrorCode.REBALANCE_IN_PROGRESS, assignment: EMPTY });
        }
      }
    }
    group.syncTimer?.();
    group.syncTimer = null;
    group.pendingSync.clear();
    const wasEmpty = group.state === 'Empty';
    group.state = 'PreparingRebalance';
    group.joinTimer?.();
    const delay = wasEmpty && this.opts.initialRebalanceDelayMs > 0 ? this.opts.initialRebalanceDelayMs : this.rebalanceTimeout(group);
    group.joinTimer = this.scheduler.schedule(() => this.completeJoin(group), delay);
    this.opts.logger.debug({ group: group.id, reason }, 'preparing rebalance');
  }

  private checkJoinComplete(group: Group): void {
    if (group.state !== 'PreparingRebalance') return;
    if (this.opts.initialRebalanceDelayMs > 0 && group.generationId === 0) return;
    for (const m of group.members.values()) if (!m.joinWaiter) return;
    this.completeJoin(group);
  }

  private completeJoin(group: Group): void {
    if (group.state !== 'PreparingRebalance') return;
    group.joinTimer?.();
    group.joinTimer = null;
    for (const m of [...group.members.values()]) {
      if (!m.joinWaiter) this.dropMember(group, m);
    }
    group.generationId++;
    if (group.members.size === 0) {
      group.state = 'Empty';
      group.protocolName = null;
      group.leaderId = null;
      return;
    }
    group.protocolName = this.selectProtocol(group);
    if (group.leaderId === null || !group.members.has(group.leaderId)) group.leaderId = group.members.keys().next().value ?? null;
    group.state = 'CompletingRebalance';
    for (const m of group.members.values()) {
      const w = m.joinWaiter;
      m.joinWaiter = null;
      m.isNew = false;
      group.pendingSync.add(m.id);
      this.touch(group, m);
      w?.(this.joinResultFor(group, m));
    }
    group.syncTimer = this.scheduler.schedule(() => {
      group.syncTimer = null;
      if (group.state !== 'CompletingRebalance') return;
      for (const id of group.pendingSync) {
        const m = group.members.get(id);
        if (m) this.dropMember(group, m);
      }
      if (group.members.size > 0) this.prepareRebalance(group, 'members did not sync in time');
      else this.toEmpty(group);
    }, this.rebalanceTimeout(group));
    this.opts.logger.info(
      { group: group.id, generation: group.generationId, members: group.members.size, protocol: group.protocolName },
      'group rebalanced',
    );
  }

  private toEmpty(group: Group): void {
    group.state = 'Empty';
    group.generationId++;
    group.protocolName = null;
    group.leaderId = null;
  }

  private selectProtocol(group: Group): string {
    const members = [...group.members.values()];
    const candidates = members[0]!.protocols.map((p) => p.name).filter((n) => members.every((m) => m.protocols.some((p) => p.name === n)));
    const votes = new Map<string, number>();
    for (const m of members) {
      const vote = m.protocols.find((p) => candidates.includes(p.name))?.name;
      if (vote) votes.set(vote, (votes.get(vote) ?? 0) + 1);
    }
    let best = candidates[0] ?? '';
    for (const c of candidates) if ((votes.get(c) ?? 0) > (votes.get(best) ?? 0)) best = c;
    return best;
  }

  private joinResultFor(group: Group, member: Member): JoinResult {
    const isLeader = member.id === group.leaderId;
    return {
      errorCode: ErrorCode.NONE,
      generationId: group.generationId,
      protocolName: group.protocolName ?? '',
      leader: group.leaderId ?? '',
      memberId: member.id,
      members: isLeader
        ? [...group.members.values()].map((m) => ({
            memberId: m.id,
            groupInstanceId: m.groupInstanceId,
            metadata: m.protocols.find((p) => p.name === group.protocolName)?.metadata ?? EMPTY,
          }))
        : [],
    };
  }

  /** Resets the member's session timer: it proved to be alive. */
  private touch(group: Group, member: Member): void {
    member.sessionTimer?.();
    member.sessionTimer = this.scheduler.schedule(() => this.expire(group, member), member.sessionTimeoutMs);
  }

  private expire(group: Group, member: Member): void {
    member.sessionTimer = null;
    if (group.members.get(member.id) !== member) return;
    if (member.joinWaiter || member.syncWaiter) {
      // Parked requests count as liveness; check again after another session.
      this.touch(group, member);
      return;
    }
    this.removeMember(group, member, 'session timeout expired');
  }

  private dropMember(group: Group, member: Member): void {
    member.sessionTimer?.();
    member.sessionTimer = null;
    group.members.delete(member.id);
    group.pendingSync.delete(member.id);
    const jw = member.joinWaiter;
    member.joinWaiter = null;
    jw?.(joinError(ErrorCode.UNKNOWN_MEMBER_ID, member.id));
    const sw = member.syncWaiter;
    member.syncWaiter = null;
    sw?.({ errorCode: ErrorCode.UNKNOWN_MEMBER_ID, assignment: EMPTY });
    if (group.leaderId === member.id) group.leaderId = null;
  }

  private removeMember(group: Group, member: Member, reason: string): void {
    this.opts.logger.info({ group: group.id, member: member.id, reason }, 'member removed from group');
    this.dropMember(group, member);
    if (group.state === 'Stable' || group.state === 'CompletingRebalance') {
      if (group.members.size === 0) {
        group.syncTimer?.();
        group.syncTimer = null;
        this.toEmpty(group);
      } else this.prepareRebalance(group, reason);
    } else if (group.state === 'PreparingRebalance') {
      if (group.members.size === 0) {
        group.joinTimer?.();
        group.joinTimer = null;
        this.toEmpty(group);
      } else this.checkJoinComplete(group);
    }
  }

  sync(
    groupId: string,
    generationId: number,
    memberId: string,
    assignments: { memberId: string; assignment: Buffer }[],
  ): Promise<SyncResult> | SyncResult {
    const group = this.groups.get(groupId);
    const member = group?.members.get(memberId);
    if (!group || !member) return { errorCode: ErrorCode.UNKNOWN_MEMBER_ID, assignment: EMPTY };
    if (generationId !== group.generationId) return { errorCode: ErrorCode.ILLEGAL_GENERATION, assignment: EMPTY };
    switch (group.state) {
      case 'PreparingRebalance':
        return { errorCode: ErrorCode.REBALANCE_IN_PROGRESS, assignment: EMPTY };
      case 'Stable':
        this.touch(group, member);
        return { errorCode: ErrorCode.NONE, assignment: member.assignment };
      case 'CompletingRebalance': {
        group.pendingSync.delete(member.id);
        const result = new Promise<SyncResult>((resolve) => {
          member.syncWaiter?.({ errorCode: ErrorCode.REBALANCE_IN_PROGRESS, assignment: EMPTY });
          member.syncWaiter = resolve;
        });
        if (member.id === group.leaderId) {
          const byMember = new Map(assignments.map((a) => [a.memberId, a.assignment]));
          group.syncTimer?.();
          group.syncTimer = null;
          group.state = 'Stable';
          for (const m of group.members.values()) {
            m.assignment = byMember.get(m.id) ?? EMPTY;
            const w = m.syncWaiter;
            m.syncWaiter = null;
            this.touch(group, m);
            w?.({ errorCode: ErrorCode.NONE, assignment: m.assignment });
          }
        }
        return result;
      }
      default:
        return { errorCode: ErrorCode.UNKNOWN_MEMBER_ID, assignment: EMPTY };
    }
  }

  heartbeat(groupId: string, generationId: number, memberId: string): number {
    const group = this.groups.get(groupId);
    const member = group?.members.get(memberId);
    if (!group || !member) return ErrorCode.UNKNOWN_MEMBER_ID;
    if (generationId !== group.generationId) return ErrorCode.ILLEGAL_GENERATION;
    this.touch(group, member);
    if (group.state === 'PreparingRebalance') return ErrorCode.REBALANCE_IN_PROGRESS;
    if (group.state === 'Empty' || group.state === 'Dead') return ErrorCode.UNKNOWN_MEMBER_ID;
    return ErrorCode.NONE;
  }

  leave(groupId: string, memberId: string): number {
    const group = this.groups.get(groupId);
    const member = group?.members.get(memberId);
    if (!group || !member) return ErrorCode.UNKNOWN_MEMBER_ID;
    this.removeMember(group, member, 'member left');
    return ErrorCode.NONE;
  }

  /** Validation for OffsetCommit (Kafka's rules); returns an error code or NONE to accept. */
  checkCommit(groupId: string, generationId: number, memberId: string): number {
    const group = this.groups.get(groupId);
    if (!group) return generationId < 0 ? ErrorCode.NONE : ErrorCode.ILLEGAL_GENERATION;
    if (generationId < 0 && group.state === 'Empty') return ErrorCode.NONE;
    if (generationId >= 0 || memberId !== '') {
      const member = group.members.get(memberId);
      if (!member) return ErrorCode.UNKNOWN_MEMBER_ID;
      if (generationId !== group.generationId) return ErrorCode.ILLEGAL_GENERATION;
      if (group.state === 'CompletingRebalance') return ErrorCode.REBALANCE_IN_PROGRESS;
      this.touch(group, member);
      return ErrorCode.NONE;
    }
    return group.state === 'Empty' ? ErrorCode.NONE : ErrorCode.UNKNOWN_MEMBER_ID;
  }

  describe(groupId: string): {
    state: GroupState;
    protocolType: string;
    protocolName: string;
    members: { memberId: string; clientId: string; clientHost: string; metadata: Buffer; assignment: Buffer }[];
  } {
    const group = this.groups.get(groupId);
    if (!group) return { state: 'Dead', protocolType: '', protocolName: '', members: [] };
    const stable = group.state === 'Stable';
    return {
      state: group.state,
      protocolType: group.protocolType ?? '',
      protocolName: stable ? (group.protocolName ?? '') : '',
      members: [...group.members.values()].map((m) => ({
        memberId: m.id,
        clientId: m.clientId,
        clientHost: m.clientHost,
        metadata: stable ? (m.protocols.find((p) => p.name === group.protocolName)?.metadata ?? EMPTY) : EMPTY,
        assignment: stable ? m.assignment : EMPTY,
      })),
    };
  }

  /** Returns NONE when deleted, NON_EMPTY_GROUP or GROUP_ID_NOT_FOUND otherwise. */
  deleteGroup(groupId: string, hasOffsets: boolean): number {
    const group = this.groups.get(groupId);
    if (!group) return hasOffsets ? ErrorCode.NONE : ErrorCode.GROUP_ID_NOT_FOUND;
    if (group.members.size > 0) return ErrorCode.NON_EMPTY_GROUP;
    this.groups.delete(groupId);
    return ErrorCode.NONE;
  }

  close(): void {
    for (const g of this.groups.values()) {
      g.joinTimer?.();
      g.syncTimer?.();
      for (const m of g.members.values()) m.sessionTimer?.();
    }
  }
}

function sameOffers(a: ProtocolOffer[], b: ProtocolOffer[]): boolean {
  return a.length === b.length && a.every((p, i) => p.name === b[i]!.name && p.metadata.equals(b[i]!.metadata));
}
