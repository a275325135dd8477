/**
 * The fake gateway: a WebSocket endpoint speaking Discord's JSON gateway protocol (v10, no
 * compression) to one bot. It sends HELLO, acknowledges heartbeats, answers IDENTIFY with READY
 * and RESUME with the missed events then RESUMED, numbers every dispatch, and lets a test break the
 * connection the ways Discord does (close codes, op 7, op 9, a dropped TCP connection).
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

export interface GatewayOptions {
  heartbeatIntervalMs: number;
  /** The bot user sent in READY. */
  user: Record<string, unknown>;
  applicationId: string;
  /** The URL clients are told to resume at (the gateway's own). */
  resumeUrl: () => string;
  /** When set, IDENTIFY/RESUME with another token is closed with 4004 (authentication failed). */
  token: string | null;
}

export class FakeGateway extends Watchable {
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly connections: Connection[] = [];
  private current: Connection | null = null;
  private session: Session | null = null;
  private readonly sessions = new Map<string, Session>();
  /** Every frame in and out, in order. */
  readonly log: GatewayLogEntry[] = [];
  /** How many IDENTIFY and RESUME frames arrived, and how many READY/RESUMED went out. */
  identifies = 0;
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

  /** True while a connection is open, identified or resumed, and not being broken by a test. */
  get live(): boolean {
    return this.current?.live === true;
  }

  /** The current session id (null before the first IDENTIFY). */
  get sessionId(): string | null {
    return this.session?.id ?? null;
  }

  /** Waits until a connection is live (after start, or after a fault the client recovers from). */
  untilLive(timeoutMs = 10_000): Promise<true> {
    return this.until(() => this.live || undefined, "a live gateway connection (READY or RESUMED)", timeoutMs);
  }

  /** Waits until `n` IDENTIFY frames have arrived in all. */
  untilIdentifies(n: number, timeoutMs = 10_000): Promise<true> {
    return this.until(() => this.identifies >= n || undefined, `${n} IDENTIFY frame(s)`, timeoutMs);
  }

  /** Waits until `n` RESUME frames have arrived in all. */
  untilResumes(n: number, timeoutMs = 10_000): Promise<true> {
    return this.until(() => this.resumes >= n || undefined, `${n} RESUME frame(s)`, timeoutMs);
  }

  /**
   * Sends a dispatch (op 0) with the session's next sequence number. When no connection is live the
   * event is still numbered and kept, so a client that RESUMEs gets it replayed, as Discord does.
   * Returns the sequence number, or null when there is no session yet.
   */
  dispatch(t: string, d: unknown): number | null {
    const session = this.session;
    if (!session) return null;
    const s = ++session.seq;
    const text = JSON.stringify({ op: GatewayOp.Dispatch, t, s, d });
    session.dispatches.push({ s, text });
    const conn = this.current;
    if (conn && conn.live && conn.session === session) this.sendText(conn, text, { op: GatewayOp.Dispatch, t, s, d });
    return s;
  }

  /** Closes the connection with a close frame carrying `code` (e.g. 4000 resumable, 1000 normal). */
  close(code: number, reason = ""): void {
    const conn = this.retire();
    conn?.socket.close(code, reason);
  }

  /** Sends op 7 RECONNECT: the client should close and RESUME. */
  requestReconnect(): void {
    const conn = this.retire();
    if (conn) this.sendFrame(conn, { op: GatewayOp.Reconnect, d: null });
  }

  /** Sends op 9 INVALID SESSION; when not resumable the session is forgotten and the client must IDENTIFY. */
  invalidateSession(resumable = false): void {
    const conn = this.retire();
    if (!resumable && this.session) this.session.valid = false;
    if (conn) this.sendFrame(conn, { op: GatewayOp.InvalidSession, d: resumable });
  }

  /** Destroys the TCP connection without a close frame (a network drop). */
  dropConnection(): void {
    const conn = this.retire();
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

  private retire(): Connection | null {
    const conn = this.current;
    if (conn) conn.live = false;
    this.changed();
    return conn;
  }

  private accept(socket: WebSocket): void {
    const conn: Connection = { n: this.connections.length + 1, socket, session: null, live: false };
    this.connections.push(conn);
    this.current = conn;
    socket.on("message", (data: RawData) => this.onMessage(conn, data));
    socket.on("close", () => {
      conn.live = false;
      if (this.current === conn) this.current = null;
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
        this.onIdentify(conn, frame.d as { token?: string });
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

  private onIdentify(conn: Connection, d: { token?: string }): void {
    if (this.tokenRejected(conn, d?.token)) return;
    const session: Session = { id: snowflake().slice(-16), seq: 0, dispatches: [], valid: true };
    this.sessions.set(session.id, session);
    this.session = session;
    conn.session = session;
    conn.live = true;
    this.readies++;
    this.dispatch("READY", {
      v: 10,
      user: this.options.user,
      guilds: [],
      session_id: session.id,
      resume_gateway_url: this.options.resumeUrl(),
      shard: [0, 1],
      application: { id: this.options.applicationId, flags: 0 },
    });
  }

  private onResume(conn: Connection, d: { token?: string; session_id?: string; seq?: number }): void {
    if (this.tokenRejected(conn, d?.token)) return;
    const session = d?.session_id ? this.sessions.get(d.session_id) : undefined;
    if (!session || !session.valid) {
      this.sendFrame(conn, { op: GatewayOp.InvalidSession, d: false });
      return;
    }
    this.session = session;
    conn.session = session;
    const after = typeof d.seq === "number" ? d.seq : 0;
    for (const missed of session.dispatches) {
      if (missed.s > after) this.sendText(conn, missed.text, JSON.parse(missed.text) as GatewayFrame);
    }
    conn.live = true;
    this.readies++;
    this.dispatch("RESUMED", null);
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
