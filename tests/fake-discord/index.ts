/**
 * A fake Discord on 127.0.0.1 for end-to-end tests of a real discord.js Client: REST API plus
 * gateway on one port. See README.md in this folder for the protocol it speaks and how to use it.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { FakeGateway } from "./gateway.js";
import {
  FakeInteraction,
  InteractionType,
  ResponseType,
  interactionBase,
  makeUser,
  toOptions,
  type ApiMessage,
  type ApiOption,
  type ApiUser,
  type Origin,
} from "./interactions.js";
import { autocompleteViolations, messageViolations } from "./limits.js";
import { API_PREFIX, FakeRest, type RestCall, type RestReply } from "./rest.js";
import { snowflake } from "./snowflake.js";
import { Watchable } from "./waiting.js";

export { FakeGateway, GatewayOp, type GatewayFrame, type GatewayLogEntry } from "./gateway.js";
export { FakeInteraction, InteractionType, ResponseType, OptionType, makeUser } from "./interactions.js";
export type { ApiMessage, ApiOption, ApiUser } from "./interactions.js";
export { MESSAGE_LIMITS, messageViolations, autocompleteViolations } from "./limits.js";
export type { RestCall, RestMatcher, RestReply, RestRule, RestRuleAction } from "./rest.js";
export { FakeRest } from "./rest.js";
export { snowflake } from "./snowflake.js";

export interface FakeDiscordOptions {
  /** When set, IDENTIFY with another token is refused (4004) and REST calls record `authorized: false`. */
  token?: string | null;
  applicationId?: string;
  botUsername?: string;
  /** HELLO's heartbeat interval; long by default so heartbeats stay out of a test's way. */
  heartbeatIntervalMs?: number;
  /** Discord refuses an interaction's first callback after 3 s (404, "Unknown interaction"); null turns that off. */
  responseDeadlineMs?: number | null;
  /**
   * Shards the bot must identify with (default 1): `/gateway/bot` recommends it, IDENTIFY must carry
   * a `shard` of that count, and each guild's interactions go to the shard `(guild_id >> 22) % shards`.
   */
  shards?: number;
}

/** Who acts, and where, for an interaction the test sends. Defaults: the default user, in the fake guild. */
export interface OriginOptions {
  user?: ApiUser;
  /** null sends it as a direct message. */
  guildId?: string | null;
  channelId?: string;
  locale?: string;
}

/** Client options that point discord.js at the fake (no identify throttling: reconnects are immediate). */
export interface DiscordJsTestOptions {
  rest: { api: string };
  ws: { buildIdentifyThrottler: () => Promise<{ waitForIdentify: () => Promise<void> }> };
}

const MESSAGE_FLAG_EPHEMERAL = 64;
const MESSAGE_FLAG_LOADING = 128;

function error(status: number, code: number, message: string, errors?: unknown): RestReply {
  return { status, body: errors === undefined ? { code, message } : { code, message, errors } };
}

function invalidForm(problems: string[]): RestReply {
  return error(400, 50035, "Invalid Form Body", {
    data: { _errors: problems.map((p) => ({ code: "FAKE_DISCORD_VALIDATION", message: p })) },
  });
}

/** Who a message would ping, applying `allowed_mentions` the way Discord does (absent: everything). */
export function resolvePings(content: string, allowed: unknown): { everyone: boolean; users: string[]; roles: string[] } {
  const rules = (allowed ?? null) as { parse?: string[]; users?: string[]; roles?: string[] } | null;
  const parse = rules === null ? ["everyone", "users", "roles"] : (rules.parse ?? []);
  const everyone = parse.includes("everyone") && /@(everyone|here)\b/.test(content);
  const users = [...content.matchAll(/<@!?(\d+)>/g)]
    .map((m) => m[1]!)
    .filter((id) => parse.includes("users") || (rules?.users ?? []).includes(id));
  const roles = [...content.matchAll(/<@&(\d+)>/g)]
    .map((m) => m[1]!)
    .filter((id) => parse.includes("roles") || (rules?.roles ?? []).includes(id));
  return { everyone, users: [...new Set(users)], roles: [...new Set(roles)] };
}

export class FakeDiscord extends Watchable {
  readonly applicationId: string;
  readonly botUser: ApiUser;
  readonly guildId = snowflake();
  readonly channelId = snowflake();
  /** The user interactions come from unless a test names another. */
  readonly defaultUser = makeUser("tester");
  readonly rest: FakeRest;
  readonly gateway: FakeGateway;
  /** Every interaction sent, in order. */
  readonly interactions: FakeInteraction[] = [];
  /** Every message the fake holds, by id (interaction responses and follow-ups). */
  readonly messages = new Map<string, ApiMessage>();
  /** Commands registered with `PUT .../commands`: key "global" or the guild id. */
  readonly registeredCommands = new Map<string, unknown[]>();
  private readonly byId = new Map<string, FakeInteraction>();
  private readonly byToken = new Map<string, FakeInteraction>();
  private readonly server: Server;
  private port = 0;
  private readonly responseDeadlineMs: number | null;

  private constructor(options: FakeDiscordOptions) {
    super();
    this.applicationId = options.applicationId ?? snowflake();
    this.botUser = { ...makeUser(options.botUsername ?? "coverage-bot", this.applicationId), bot: true };
    this.responseDeadlineMs = options.responseDeadlineMs === undefined ? 3_000 : options.responseDeadlineMs;
    this.rest = new FakeRest(options.token ?? null, (call, arrived) => {
      if (arrived) this.attach(call);
      this.changed();
    });
    this.gateway = new FakeGateway({
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? 45_000,
      user: this.botUser as unknown as Record<string, unknown>,
      applicationId: this.applicationId,
      resumeUrl: () => this.gatewayUrl,
      token: options.token ?? null,
      shardCount: options.shards ?? 1,
    });
    this.registerRoutes();
    this.server = createServer((req, res) => {
      if (req.url?.startsWith(`${API_PREFIX}/`)) {
        void this.rest.handle(req, res);
      } else {
        res.writeHead(404, { "content-type": "application/json" });
        res.end(JSON.stringify({ message: "404: Not Found", code: 0 }));
      }
    });
    this.server.on("upgrade", (req, socket, head) => {
      if (req.url?.startsWith("/gateway")) this.gateway.handleUpgrade(req, socket, head);
      else socket.destroy();
    });
  }

  /** Starts a fake Discord on a free port of 127.0.0.1. */
  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const fake = new FakeDiscord(options);
    await new Promise<void>((resolve) => fake.server.listen(0, "127.0.0.1", resolve));
    fake.port = (fake.server.address() as AddressInfo).port;
    return fake;
  }

  /** Base URL for discord.js's `rest.api` option (it appends `/v10`). */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}/gateway`;
  }

  /** Options to spread into `new Client({...})` so it talks to this fake and reconnects at once. */
  discordJsOptions(): DiscordJsTestOptions {
    return {
      rest: { api: this.apiUrl },
      ws: { buildIdentifyThrottler: async () => ({ waitForIdentify: async () => {} }) },
    };
  }

  /** Every REST call so far, in order. */
  get calls(): RestCall[] {
    return this.rest.calls;
  }

  /** A new user to act as (its own id, so ownership checks can tell users apart). */
  user(username = "user"): ApiUser {
    return makeUser(username);
  }

  /** Waits for an answered REST call that satisfies `predicate`. */
  untilCall(predicate: (call: RestCall) => boolean, what: string, timeoutMs = 5_000): Promise<RestCall> {
    return this.until(() => this.calls.find((c) => c.status !== 0 && predicate(c)), what, timeoutMs);
  }

  /** Dispatches a slash command (`/name option:value ...`). Returns the interaction's record. */
  sendCommand(name: string, options: Record<string, string | number | boolean> | ApiOption[] = {}, origin: OriginOptions = {}): FakeInteraction {
    return this.dispatchInteraction(InteractionType.ApplicationCommand, origin, {
      data: { id: this.commandId(name), name, type: 1, options: toOptions(options) },
    });
  }

  /** Dispatches an autocomplete request while the user types into option `focused`. */
  sendAutocomplete(
    name: string,
    options: Record<string, string | number | boolean> | ApiOption[],
    focused: string,
    origin: OriginOptions = {},
  ): FakeInteraction {
    const typed = toOptions(options).map((o) => (o.name === focused ? { ...o, focused: true } : o));
    if (!typed.some((o) => o.focused)) throw new Error(`fake Discord: no option "${focused}" to focus`);
    return this.dispatchInteraction(InteractionType.Autocomplete, origin, {
      data: { id: this.commandId(name), name, type: 1, options: typed },
    });
  }

  /**
   * Clicks a button on a message the fake holds, found by label or custom id; like Discord, refuses
   * (throws) when there is no such button or it is disabled. The click comes from `origin.user`.
   */
  clickButton(message: ApiMessage, button: string, origin: OriginOptions = {}): FakeInteraction {
    const current = this.messages.get(message.id) ?? message;
    const buttons = (current.components as { components?: Record<string, unknown>[] }[]).flatMap((row) => row.components ?? []);
    const found = buttons.find((b) => b.type === 2 && (b.label === button || b.custom_id === button));
    if (!found) throw new Error(`fake Discord: no button "${button}" on message ${message.id}`);
    if (found.disabled) throw new Error(`fake Discord: button "${button}" is disabled`);
    return this.sendComponent(String(found.custom_id), current, origin);
  }

  /** Dispatches a button click with any custom id on any message (stale or forged clicks). */
  sendComponent(customId: string, message: ApiMessage, origin: OriginOptions = {}): FakeInteraction {
    const ix = this.dispatchInteraction(InteractionType.MessageComponent, origin, {
      data: { custom_id: customId, component_type: 2 },
      message: structuredClone(message),
    });
    ix.message = this.messages.get(message.id) ?? null;
    return ix;
  }

  /** Stops the server and drops every connection. */
  async close(): Promise<void> {
    await this.gateway.shutdown();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private commandId(name: string): string {
    // Stable per name, so repeated commands look like the same registered command.
    let h = 0n;
    for (const ch of name) h = (h * 31n + BigInt(ch.codePointAt(0)!)) % 1_000_000_000n;
    return String(100_000_000_000_000_000n + h);
  }

  private dispatchInteraction(type: number, options: OriginOptions, extra: Record<string, unknown>): FakeInteraction {
    const origin: Origin = {
      user: options.user ?? this.defaultUser,
      guildId: options.guildId === undefined ? this.guildId : options.guildId,
      channelId: options.channelId ?? this.channelId,
      locale: options.locale ?? "en-US",
    };
    const payload = { ...interactionBase(type, this.applicationId, origin), ...extra };
    if (origin.guildId && payload.data && typeof payload.data === "object" && type !== InteractionType.MessageComponent) {
      (payload.data as Record<string, unknown>).guild_id = origin.guildId;
    }
    const ix = new FakeInteraction(payload, this);
    this.interactions.push(ix);
    this.byId.set(ix.id, ix);
    this.byToken.set(ix.token, ix);
    ix.shard = this.gateway.shardOf(origin.guildId);
    ix.seq = this.gateway.dispatch("INTERACTION_CREATE", payload, ix.shard);
    this.changed();
    return ix;
  }

  private newMessage(ix: FakeInteraction, data: Record<string, unknown>, extraFlags = 0): ApiMessage {
    const content = typeof data.content === "string" ? data.content : "";
    const pings = resolvePings(content, data.allowed_mentions);
    const message: ApiMessage = {
      id: snowflake(),
      type: ix.type === InteractionType.ApplicationCommand ? 20 : 0,
      channel_id: String(ix.payload.channel_id),
      author: this.botUser,
      content,
      embeds: (data.embeds as unknown[] | undefined) ?? [],
      components: (data.components as unknown[] | undefined) ?? [],
      attachments: [],
      mentions: pings.users.map((id) => makeUser("mentioned", id)),
      mention_roles: pings.roles,
      mention_everyone: pings.everyone,
      pinned: false,
      tts: false,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      flags: (Number(data.flags ?? 0) & MESSAGE_FLAG_EPHEMERAL) | extraFlags,
      webhook_id: this.applicationId,
      application_id: this.applicationId,
      interaction_metadata: { id: ix.id, type: ix.type, user: ix.user, authorizing_integration_owners: {} },
    };
    if (ix.payload.guild_id) message.guild_id = ix.payload.guild_id;
    this.messages.set(message.id, message);
    return message;
  }

  private editMessage(message: ApiMessage, data: Record<string, unknown>): ApiMessage {
    if (data.content !== undefined) message.content = typeof data.content === "string" ? data.content : "";
    if (data.embeds !== undefined) message.embeds = (data.embeds as unknown[] | null) ?? [];
    if (data.components !== undefined) message.components = (data.components as unknown[] | null) ?? [];
    const pings = resolvePings(message.content, data.allowed_mentions);
    message.mentions = pings.users.map((id) => makeUser("mentioned", id));
    message.mention_roles = pings.roles;
    message.mention_everyone = pings.everyone;
    message.flags &= ~MESSAGE_FLAG_LOADING;
    message.edited_timestamp = new Date().toISOString();
    return message;
  }

  private registerRoutes(): void {
    const gatewayInfo = (): RestReply => ({
      status: 200,
      body: {
        url: this.gatewayUrl,
        shards: this.gateway.shardCount,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 86_400_000, max_concurrency: 1 },
      },
    });
    this.rest.route("GET", "/gateway/bot", gatewayInfo);
    this.rest.route("GET", "/gateway", () => ({ status: 200, body: { url: this.gatewayUrl } }));
    this.rest.route("POST", "/interactions/:id/:token/callback", (call) => this.onCallback(call));
    for (const method of ["GET", "PATCH", "DELETE"]) {
      this.rest.route(method, "/webhooks/:application/:token/messages/:message", (call) => this.onWebhookMessage(call));
    }
    this.rest.route("POST", "/webhooks/:application/:token", (call) => this.onFollowup(call));
    for (const template of ["/applications/:application/commands", "/applications/:application/guilds/:guild/commands"]) {
      this.rest.route("PUT", template, (call) => this.onPutCommands(call));
      this.rest.route("GET", template, (call) => ({
        status: 200,
        body: this.registeredCommands.get(call.params.guild ?? "global") ?? [],
      }));
    }
  }

  /** Files a call under its interaction (by id for callbacks, by token for webhooks), rules or not. */
  private attach(call: RestCall): void {
    if (call.route === "/interactions/:id/:token/callback") {
      const ix = this.byId.get(call.params.id!);
      if (ix && ix.token === call.params.token) ix.calls.push(call);
    } else if (call.route?.startsWith("/webhooks/:application/:token")) {
      this.byToken.get(call.params.token!)?.calls.push(call);
    }
  }

  private onCallback(call: RestCall): RestReply {
    const ix = this.byId.get(call.params.id!);
    if (!ix || ix.token !== call.params.token) return error(404, 10062, "Unknown interaction");
    if (this.responseDeadlineMs !== null && call.receivedAt - ix.dispatchedAt > this.responseDeadlineMs) {
      ix.expired = true;
      return error(404, 10062, "Unknown interaction");
    }
    if (ix.acknowledgement) return error(400, 40060, "Interaction has already been acknowledged.");
    const body = (call.body ?? {}) as { type?: number; data?: Record<string, unknown> };
    const data = body.data ?? {};
    const isComponent = ix.type === InteractionType.MessageComponent;
    const isAutocomplete = ix.type === InteractionType.Autocomplete;
    let problems: string[];
    switch (body.type) {
      case ResponseType.ChannelMessageWithSource:
        problems = isAutocomplete ? ["type: not valid for autocomplete"] : messageViolations(data, { requireBody: true });
        break;
      case ResponseType.DeferredChannelMessageWithSource:
        problems = isAutocomplete ? ["type: not valid for autocomplete"] : [];
        break;
      case ResponseType.DeferredMessageUpdate:
        problems = isComponent ? [] : ["type: only for component interactions"];
        break;
      case ResponseType.UpdateMessage:
        problems = isComponent ? messageViolations(data) : ["type: only for component interactions"];
        break;
      case ResponseType.AutocompleteResult:
        problems = isAutocomplete ? autocompleteViolations(data) : ["type: only for autocomplete interactions"];
        break;
      default:
        problems = [`type: unsupported response type ${String(body.type)}`];
    }
    if (problems.length > 0) return invalidForm(problems);

    if (body.type === ResponseType.ChannelMessageWithSource) ix.message = this.newMessage(ix, data);
    if (body.type === ResponseType.DeferredChannelMessageWithSource) ix.message = this.newMessage(ix, data, MESSAGE_FLAG_LOADING);
    if (body.type === ResponseType.UpdateMessage && ix.message) this.editMessage(ix.message, data);
    ix.acknowledgement = call;
    if (call.query.with_response === "true") {
      return {
        status: 200,
        body: {
          interaction: { id: ix.id, type: ix.type, response_message_id: ix.message?.id, response_message_loading: false, response_message_ephemeral: false },
          resource: { type: body.type, message: ix.message ?? undefined },
        },
      };
    }
    return { status: 204 };
  }

  private webhookInteraction(call: RestCall): FakeInteraction | null {
    const ix = this.byToken.get(call.params.token!);
    if (!ix || call.params.application !== this.applicationId) return null;
    return ix;
  }

  private onWebhookMessage(call: RestCall): RestReply {
    const ix = this.webhookInteraction(call);
    if (!ix) return error(404, 10015, "Unknown Webhook");
    const id = call.params.message!;
    const message = id === "@original" ? ix.message : (ix.followups.find((m) => m.id === id) ?? null);
    if (!message || !this.messages.has(message.id)) return error(404, 10008, "Unknown Message");
    if (call.method === "GET") return { status: 200, body: message };
    if (call.method === "DELETE") {
      this.messages.delete(message.id);
      return { status: 204 };
    }
    const data = (call.body ?? {}) as Record<string, unknown>;
    const problems = messageViolations(data);
    if (problems.length > 0) return invalidForm(problems);
    return { status: 200, body: this.editMessage(message, data) };
  }

  private onFollowup(call: RestCall): RestReply {
    const ix = this.webhookInteraction(call);
    if (!ix || !ix.acknowledgement) return error(404, 10015, "Unknown Webhook");
    const data = (call.body ?? {}) as Record<string, unknown>;
    const problems = messageViolations(data, { requireBody: true });
    if (problems.length > 0) return invalidForm(problems);
    const message = this.newMessage(ix, data);
    ix.followups.push(message);
    return { status: 200, body: message };
  }

  private onPutCommands(call: RestCall): RestReply {
    if (call.params.application !== this.applicationId) return error(404, 10002, "Unknown Application");
    if (!Array.isArray(call.body)) return invalidForm(["body: must be an array of commands"]);
    const saved = (call.body as Record<string, unknown>[]).map((c) => ({
      ...c,
      id: this.commandId(String(c.name)),
      application_id: this.applicationId,
      version: snowflake(),
      ...(call.params.guild ? { guild_id: call.params.guild } : {}),
    }));
    this.registeredCommands.set(call.params.guild ?? "global", saved);
    return { status: 200, body: saved };
  }
}

/** Starts a fake Discord (see FakeDiscord). */
export function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  return FakeDiscord.start(options);
}
