/**
 * The fake REST API: routing by Discord route templates, a record of every call, and rules a test
 * installs to make a route answer something else (429, 500, 404) or answer late.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { performance } from "node:perf_hooks";

/** One REST request as the fake received and answered it. */
export interface RestCall {
  /** 1-based, in order of arrival. */
  n: number;
  method: string;
  /** Decoded path after `/api/v10`, e.g. `/webhooks/1/tok/messages/@original`. */
  path: string;
  /** The matched route template, e.g. `/webhooks/:application/:token/messages/:message`; null if none. */
  route: string | null;
  params: Record<string, string>;
  query: Record<string, string>;
  /** Parsed JSON body, the raw text for other bodies, or null. */
  body: unknown;
  /** Whether an `Authorization: Bot <token>` header matched the fake's token; null without the header. The header itself is never kept. */
  authorized: boolean | null;
  /** `performance.now()` when the request arrived and when the fake answered it. */
  receivedAt: number;
  answeredAt: number | null;
  /** What the fake answered (0 while unanswered or when the client went away first). */
  status: number;
  response: unknown;
  /** Answered by a test rule instead of the fake's normal behaviour. */
  intercepted: boolean;
  /** The client closed the connection before the answer (e.g. its request timeout fired). */
  aborted: boolean;
}

/** What a route handler or a rule answers. */
export interface RestReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type RestHandler = (call: RestCall) => RestReply | Promise<RestReply>;

/** `"POST /interactions/:id/:token/callback"`, a template without a method, or any predicate. */
export type RestMatcher = string | ((call: RestCall) => boolean);

/** What a rule does: answer with `reply` (after `delayMs`), or only delay the normal answer. */
export interface RestRuleAction {
  reply?: RestReply;
  delayMs?: number;
}

export interface RestRule {
  readonly matcher: RestMatcher;
  readonly action: RestRuleAction;
  /** How many more calls it applies to (Infinity: until removed). */
  remaining: number;
  /** Calls it has applied to. */
  hits: number;
  remove(): void;
}

interface Route {
  method: string;
  template: string;
  parts: string[];
  handler: RestHandler;
}

export const API_PREFIX = "/api/v10";

export class FakeRest {
  private readonly routes: Route[] = [];
  private rules: RestRule[] = [];
  readonly calls: RestCall[] = [];

  constructor(
    private readonly token: string | null,
    /** Called when a call arrives (before any rule or handler) and again whenever it changes. */
    private readonly onRecorded: (call: RestCall, arrived: boolean) => void,
  ) {}

  /** Registers the fake's normal behaviour for a route (used by FakeDiscord). */
  route(method: string, template: string, handler: RestHandler): void {
    this.routes.push({ method, template, parts: template.split("/"), handler });
  }

  /**
   * Makes matching calls answer differently, for the next `times` calls (default 1). Rules are
   * tried in the order they were added; the first one with calls remaining applies.
   */
  intercept(matcher: RestMatcher, action: RestRuleAction, times = 1): RestRule {
    const rule: RestRule = {
      matcher,
      action,
      remaining: times,
      hits: 0,
      remove: () => {
        this.rules = this.rules.filter((r) => r !== rule);
      },
    };
    this.rules.push(rule);
    return rule;
  }

  /**
   * Answers 429 like Discord: a JSON body with `retry_after` (seconds) and, unless `header` is
   * false, a `Retry-After` header (discord.js only waits when the header is there).
   */
  rateLimit(matcher: RestMatcher, { retryAfter = 0.1, global = false, header = true, times = 1 } = {}): RestRule {
    const headers: Record<string, string> = { "x-ratelimit-scope": global ? "global" : "user" };
    if (header) headers["retry-after"] = String(retryAfter);
    if (global) headers["x-ratelimit-global"] = "true";
    return this.intercept(
      matcher,
      { reply: { status: 429, headers, body: { message: "You are being rate limited.", retry_after: retryAfter, global } } },
      times,
    );
  }

  /** Answers `status` with a Discord-shaped error body (e.g. 500, or 404 with code 10062 "Unknown interaction"). */
  fail(matcher: RestMatcher, status: number, { times = 1, code = 0, message = `${status}: fake failure` } = {}): RestRule {
    return this.intercept(matcher, { reply: { status, body: { message, code } } }, times);
  }

  /** Delays the normal answer by `ms` (longer than the client's REST timeout makes it give up). */
  delay(matcher: RestMatcher, ms: number, { times = 1 } = {}): RestRule {
    return this.intercept(matcher, { delayMs: ms }, times);
  }

  /** Handles one HTTP request under `/api/v10`. */
  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const receivedAt = performance.now();
    const url = new URL(req.url ?? "/", "http://fake");
    const text = await readBody(req);
    const path = decodeURIComponent(url.pathname.slice(API_PREFIX.length)) || "/";
    const auth = req.headers.authorization;
    const call: RestCall = {
      n: this.calls.length + 1,
      method: req.method ?? "GET",
      path,
      route: null,
      params: {},
      query: Object.fromEntries(url.searchParams),
      body: parseBody(text, req.headers["content-type"]),
      authorized: auth === undefined ? null : this.token === null || auth === `Bot ${this.token}`,
      receivedAt,
      answeredAt: null,
      status: 0,
      response: undefined,
      intercepted: false,
      aborted: false,
    };
    let closedEarly = false;
    res.on("close", () => {
      if (!res.writableFinished) {
        closedEarly = true;
        call.aborted = true;
        this.onRecorded(call, false);
      }
    });
    const matched = this.match(call.method, path);
    if (matched) {
      call.route = matched.route.template;
      call.params = matched.params;
    }
    this.calls.push(call);
    this.onRecorded(call, true);

    const rule = this.rules.find((r) => r.remaining > 0 && matches(r.matcher, call));
    if (rule) {
      rule.remaining--;
      rule.hits++;
    }
    if (rule?.action.delayMs) await new Promise((r) => setTimeout(r, rule.action.delayMs));
    if (closedEarly) return;

    let reply: RestReply;
    if (rule?.action.reply) {
      call.intercepted = true;
      reply = rule.action.reply;
    } else if (matched) {
      try {
        reply = await matched.route.handler(call);
      } catch (err) {
        reply = { status: 500, body: { message: `fake Discord handler failed: ${(err as Error).message}`, code: 0 } };
      }
    } else {
      reply = { status: 404, body: { message: "404: Not Found", code: 0 } };
    }
    if (closedEarly || res.destroyed) return;
    call.status = reply.status;
    call.response = reply.body;
    call.answeredAt = performance.now();
    const headers: Record<string, string> = { ...(reply.headers ?? {}) };
    if (reply.body !== undefined && reply.status !== 204) {
      headers["content-type"] = "application/json";
      res.writeHead(reply.status, headers);
      res.end(JSON.stringify(reply.body));
    } else {
      res.writeHead(reply.status, headers);
      res.end();
    }
    this.onRecorded(call, false);
  }

  private match(method: string, path: string): { route: Route; params: Record<string, string> } | null {
    const parts = path.split("/");
    for (const route of this.routes) {
      if (route.method !== method || route.parts.length !== parts.length) continue;
      const params: Record<string, string> = {};
      let ok = true;
      for (let i = 0; i < parts.length && ok; i++) {
        const want = route.parts[i]!;
        if (want.startsWith(":")) params[want.slice(1)] = parts[i]!;
        else ok = want === parts[i];
      }
      if (ok) return { route, params };
    }
    return null;
  }
}

function matches(matcher: RestMatcher, call: RestCall): boolean {
  if (typeof matcher === "function") return matcher(call);
  const [first, second] = matcher.split(" ");
  const [method, target] = second === undefined ? [null, first!] : [first!, second];
  if (method !== null && method !== call.method) return false;
  return target === call.route || target === call.path;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function parseBody(text: string, contentType: string | undefined): unknown {
  if (text.length === 0) return null;
  if (contentType?.includes("application/json")) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}
