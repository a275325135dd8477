/**
 * The fake gateway: a WebSocket endpoint speaking Discord's JSON gateway protocol (v10, no
 * compression) to one bot, sharded or not. It sends HELLO, acknowledges heartbeats, answers
 * IDENTIFY with READY and RESUME with the missed events then RESUMED, numbers every dispatch, and
 * lets a test break the connection the ways Discord does (close codes, op 7, op 9, a dropped TCP
 * connection). With `shardCount` above 1 each shard (IDENTIFY's `shard: [id, count]`) has its own
 * connection and session, as on Discord; a wrong shard is closed with 4010, none with 4011.
 */
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer, type WebSocket, type RawData } from "ws";
import { snowflake } from "./snowflake.js";
import { Watchable } from "./waiting.js";

export const GatewayOp = {
  Dispatch: 0,
  Heartbeat: 1,
  Identify: 2,
  PresenceUpdate: 3,
  Resume: 6,
  Reconnect: 7,
  InvalidSession: 9,
  Hello: 10,
  HeartbeatAck: 11,
} as const;

export interface GatewayFrame {
  op: number;
  d?: unknown;
  s?: number | null;
  t?: string | null;
}

/** One frame as the fake saw it, for assertions on the conversation. */
export interface GatewayLogEntry {
  at: number;
  /** Which connection (1-based, in order of opening). */
  connection: number;
  direction: "received" | "sent";
  frame: GatewayFrame;
}

interface Session {
  id: string;
  /** The shard the session was identified as. */
  shard: number;
  /** Last sequence number used. */
  seq: number;
  /** Every dispatch of the session, for replay on RESUME. */
  dispatches: { s: number; text: string }[];
  valid: boolean;
}

interface Connection {
  n: number;
  socket: WebSocket;
  session: Session | null;
  /** READY or RESUMED sent and no fault injected since: dispatches reach the client. */
  live: boolean;
}

/** One shard's current connection and session. */
interface ShardState {
  current: Connection | null;
  session: Session | null;
}

export interface GatewayOptions {
  heartbeatIntervalMs: number;
  /** The bot user sent in READY. */
  user: Record<string, unknown>;
  applicationId: string;
  /** The URL clients are told to resume at (the gateway's own). */
  resumeUrl: () => string;
  /** When set, IDENTIFY/RESUME with another token is closed with 4004 (authentication failed). */
  token: string | null;
  /** How many shards the bot must connect with (what `/gateway/bot` recommends); 1: unsharded. */
  shardCount: number;
}

export class FakeGateway extends Watchable {
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly connections: Connection[] = [];
  private readonly shards = new Map<number, ShardState>();
  private readonly sessions = new Map<string, Session>();
  /** Every frame in and out, in order. */
  readonly log: GatewayLogEntry[] = [];
  /** How many IDENTIFY and RESUME frames arrived, and how many READY/RESUMED went out. */
  identifies = 0;
  /** IDENTIFY frames per shard id. */
  readonly identifiesByShard = new Map<number, number>();
  resumes = 0;
  readies = 0;
  /** Set false to stop acknowledging heartbeats (a zombie connection, from the client's view). */
  ackHeartbeats = true;

  constructor(private readonly options: GatewayOptions) {
    super();
  }

  /** Called by the HTTP server for upgrade requests on the gateway path. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws));
  }

  /** Connections opened so far. */
  get connectionCount(): number {
    return this.connections.length;
  }

  get shardCount(): number {
    return this.options.shardCount;
  }

  /** The shard Discord routes a guild's events to: (guild_id >> 22) % shard count; DMs go to shard 0. */
  shardOf(guildId: string | null | undefined): number {
    return guildId ? Number((BigInt(guildId) >> 22n) % BigInt(this.options.shardCount)) : 0;
  }

  private state(shard: number): ShardState {
    let st = this.shards.get(shard);
    if (!st) this.shards.set(shard, (st = { current: null, session: null }));
    return st;
  }

  /** True while shard 0's connection is open, identified or resumed, and not being broken by a test. */
  get live(): boolean {
    return this.isLive(0);
  }

  /** True while this shard's connection is open, identified or resumed, and not being broken by a test. */
  isLive(shard: number): boolean {
    return this.state(shard).current?.live === true;
  }

  /** Shard 0's current session id (null before the first IDENTIFY). */
  get sessionId(): string | null {
    return this.state(0).session?.id ?? null;
  }

  /** Waits until the shard's connection is live (after start, or after a fault the client recovers from). */
  untilLive(timeoutMs = 10_000, shard = 0): Promise<true> {
    return this.until(() => this.isLive(shard) || undefined, `a live gateway connection (READY or RESUMED) for shard ${shard}`, timeoutMs);
  }

  /** Waits until every shard (0 to shardCount - 1) is live. */
  untilAllLive(timeoutMs = 10_000): Promise<true> {
    const all = () => [...Array(this.options.shardCount).keys()].every((k) => this.isLive(k));
    return this.until(() => all() || undefined, `all ${this.options.shardCount} shards live`, timeoutMs);
  }

  /** Waits until `n` IDENTIFY frames have arrived in all, or for `shard` when given. */
  untilIdentifies(n: number, timeoutMs = 10_000, shard?: number): Promise<true> {
    const count = () => (shard === undefined ? this.identifies : (this.identifiesByShard.get(shard) ?? 0));
    return this.until(() => count() >= n || undefined, `${n} IDENTIFY frame(s)${shard === undefined ? "" : ` for shard ${shard}`}`, timeoutMs);
  }

  /** Waits until `n` RESUME frames have arrived in all. */
  untilResumes(n: number, timeoutMs = 10_000): Promise<true> {
    return this.until(() => this.resumes >= n || undefined, `${n} RESUME frame(s)`, timeoutMs);
  }

  /**
   * Sends a dispatch (op 0) with the session's next sequence number. When no connection is live the
   * event is still numbered and kept, so a client that RESUMEs gets it replayed, as Discord does.
   * Returns the sequence number, or null when there is no session yet. Goes to shard `shard`.
   */
  dispatch(t: string, d: unknown, shard = 0): number | null {
    const st = this.state(shard);
    const session = st.session;
    if (!session) return null;
    const s = ++session.seq;
    const text = JSON.stringify({ op: GatewayOp.Dispatch, t, s, d });
    session.dispatches.push({ s, text });
    const conn = st.current;
    if (conn && conn.live && conn.session === session) this.sendText(conn, text, { op: GatewayOp.Dispatch, t, s, d });
    return s;
  }

  /** Closes the shard's connection with a close frame carrying `code` (e.g. 4000 resumable, 1000 normal). */
  close(code: number, reason = "", shard = 0): void {
    const conn = this.retire(shard);
    conn?.socket.close(code, reason);
  }

  /** Sends op 7 RECONNECT: the client should close and RESUME. */
  requestReconnect(shard = 0): void {
    const conn = this.retire(shard);
    if (conn) this.sendFrame(conn, { op: GatewayOp.Reconnect, d: null });
  }

  /** Sends op 9 INVALID SESSION; when not resumable the session is forgotten and the client must IDENTIFY. */
  invalidateSession(resumable = false, shard = 0): void {
    const conn = this.retire(shard);
    const session = this.state(shard).session;
    if (!resumable && session) session.valid = false;
    if (conn) this.sendFrame(conn, { op: GatewayOp.InvalidSession, d: resumable });
  }

  /** Destroys the TCP connection without a close frame (a network drop). */
  dropConnection(shard = 0): void {
    const conn = this.retire(shard);
    conn?.socket.terminate();
  }

  /** Stops everything (used by FakeDiscord.close). */
  async shutdown(): Promise<void> {
    for (const c of this.connections) c.socket.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  /** Frames received from the client with the given opcode. */
  received(op: number): GatewayFrame[] {
    return this.log.filter((e) => e.direction === "received" && e.frame.op === op).map((e) => e.frame);
  }

  private retire(shard: number): Connection | null {
    const conn = this.state(shard).current;
    if (conn) conn.live = false;
    this.changed();
    return conn;
  }

  private accept(socket: WebSocket): void {
    const conn: Connection = { n: this.connections.length + 1, socket, session: null, live: false };
    this.connections.push(conn);
    // Until it identifies or resumes, a connection belongs to no shard: the shard's current
    // connection (if any) keeps receiving what is dispatched to it.
    socket.on("message", (data: RawData) => this.onMessage(conn, data));
    socket.on("close", () => {
      conn.live = false;
      for (const st of this.shards.values()) if (st.current === conn) st.current = null;
      this.changed();
    });
    socket.on("error", () => {
      // A client that vanishes mid-frame; the close handler does the bookkeeping.
    });
    this.sendFrame(conn, { op: GatewayOp.Hello, d: { heartbeat_interval: this.options.heartbeatIntervalMs } });
    this.changed();
  }

  private onMessage(conn: Connection, data: RawData): void {
    let frame: GatewayFrame;
    try {
      frame = JSON.parse(data.toString()) as GatewayFrame;
    } catch {
      conn.socket.close(4002, "Error while decoding payload.");
      return;
    }
    this.log.push({ at: Date.now(), connection: conn.n, direction: "received", frame });
    switch (frame.op) {
      case GatewayOp.Heartbeat:
        if (this.ackHeartbeats) this.sendFrame(conn, { op: GatewayOp.HeartbeatAck });
        break;
      case GatewayOp.Identify:
        this.identifies++;
        this.onIdentify(conn, frame.d as { token?: string; shard?: unknown });
        break;
      case GatewayOp.Resume:
        this.resumes++;
        this.onResume(conn, frame.d as { token?: string; session_id?: string; seq?: number });
        break;
      default:
        break;
    }
    this.changed();
  }

  private tokenRejected(conn: Connection, token: string | undefined): boolean {
    if (this.options.token === null || token === this.options.token) return false;
    conn.socket.close(4004, "Authentication failed.");
    return true;
  }

  private onIdentify(conn: Connection, d: { token?: string; shard?: unknown }): void {
    if (this.tokenRejected(conn, d?.token)) return;
    const count = this.options.shardCount;
    const pair = Array.isArray(d?.shard) ? (d.shard as unknown[]) : null;
    if (pair === null && count > 1) {
      conn.socket.close(4011, "Sharding required.");
      return;
    }
    const [id, total] = pair ?? [0, 1];
    if (!Number.isInteger(id) || !Number.isInteger(total) || (id as number) < 0 || (id as number) >= (total as number) || total !== count) {
      conn.socket.close(4010, "Invalid shard.");
      return;
    }
    const shard = id as number;
    this.identifiesByShard.set(shard, (this.identifiesByShard.get(shard) ?? 0) + 1);
    const session: Session = { id: snowflake().slice(-16), shard, seq: 0, dispatches: [], valid: true };
    this.sessions.set(session.id, session);
    const st = this.state(shard);
    st.session = session;
    st.current = conn;
    conn.session = session;
    conn.live = true;
    this.readies++;
    this.dispatch(
      "READY",
      {
        v: 10,
        user: this.options.user,
        guilds: [],
        session_id: session.id,
        resume_gateway_url: this.options.resumeUrl(),
        shard: [shard, count],
        application: { id: this.options.applicationId, flags: 0 },
      },
      shard,
    );
  }

  private onResume(conn: Connection, d: { token?: string; session_id?: string; seq?: number }): void {
    if (this.tokenRejected(conn, d?.token)) return;
    const session = d?.session_id ? this.sessions.get(d.session_id) : undefined;
    if (!session || !session.valid) {
      this.sendFrame(conn, { op: GatewayOp.InvalidSession, d: false });
      return;
    }
    const st = this.state(session.shard);
    st.session = session;
    st.current = conn;
    conn.session = session;
    const after = typeof d.seq === "number" ? d.seq : 0;
    for (const missed of session.dispatches) {
      if (missed.s > after) this.sendText(conn, missed.text, JSON.parse(missed.text) as GatewayFrame);
    }
    conn.live = true;
    this.readies++;
    this.dispatch("RESUMED", null, session.shard);
  }

  private sendFrame(conn: Connection, frame: GatewayFrame): void {
    this.sendText(conn, JSON.stringify(frame), frame);
  }

  private sendText(conn: Connection, text: string, frame: GatewayFrame): void {
    if (conn.socket.readyState !== conn.socket.OPEN) return;
    this.log.push({ at: Date.now(), connection: conn.n, direction: "sent", frame });
    conn.socket.send(text);
  }
}
