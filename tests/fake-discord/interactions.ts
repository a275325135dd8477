/** Interaction payloads as Discord sends them, and the fake's record of each interaction. */
import { performance } from "node:perf_hooks";
import type { RestCall } from "./rest.js";
import { snowflake } from "./snowflake.js";
import type { Watchable } from "./waiting.js";

export const InteractionType = { Ping: 1, ApplicationCommand: 2, MessageComponent: 3, Autocomplete: 4 } as const;

export const ResponseType = {
  Pong: 1,
  ChannelMessageWithSource: 4,
  DeferredChannelMessageWithSource: 5,
  DeferredMessageUpdate: 6,
  UpdateMessage: 7,
  AutocompleteResult: 8,
  Modal: 9,
} as const;

/** Application command option types used when a test passes plain values. */
export const OptionType = { String: 3, Integer: 4, Boolean: 5, Number: 10 } as const;

/** A Discord user as it appears in payloads. */
export interface ApiUser {
  id: string;
  username: string;
  discriminator: string;
  global_name: string | null;
  avatar: string | null;
  bot?: boolean;
}

export interface ApiOption {
  name: string;
  type: number;
  value?: string | number | boolean;
  focused?: boolean;
  options?: ApiOption[];
}

/** A message object as the REST API returns it and as component interactions carry it. */
export interface ApiMessage {
  id: string;
  type: number;
  channel_id: string;
  author: ApiUser;
  content: string;
  embeds: unknown[];
  components: unknown[];
  attachments: unknown[];
  mentions: ApiUser[];
  mention_roles: string[];
  mention_everyone: boolean;
  pinned: boolean;
  tts: boolean;
  timestamp: string;
  edited_timestamp: string | null;
  flags: number;
  webhook_id: string;
  application_id: string;
  interaction_metadata: { id: string; type: number; user: ApiUser; authorizing_integration_owners: Record<string, string> };
  [key: string]: unknown;
}

export function makeUser(username: string, id: string = snowflake()): ApiUser {
  return { id, username, discriminator: "0", global_name: username, avatar: null };
}

/** Plain option values become typed options: strings, booleans, integers, other numbers. */
export function toOptions(values: Record<string, string | number | boolean> | ApiOption[] = {}): ApiOption[] {
  if (Array.isArray(values)) return values;
  return Object.entries(values).map(([name, value]) => {
    if (typeof value === "string") return { name, type: OptionType.String, value };
    if (typeof value === "boolean") return { name, type: OptionType.Boolean, value };
    return { name, type: Number.isInteger(value) ? OptionType.Integer : OptionType.Number, value };
  });
}

/** Where an interaction happens and who starts it. */
export interface Origin {
  user: ApiUser;
  /** null for a direct message. */
  guildId: string | null;
  channelId: string;
  locale: string;
}

/**
 * The fields every interaction needs. discord.js reads `entitlements` and
 * `authorizing_integration_owners` while building the interaction and fails without them.
 */
export function interactionBase(type: number, applicationId: string, origin: Origin): Record<string, unknown> {
  const base: Record<string, unknown> = {
    id: snowflake(),
    application_id: applicationId,
    type,
    token: `fake-interaction-token-${snowflake()}`,
    version: 1,
    channel_id: origin.channelId,
    channel: { id: origin.channelId, type: origin.guildId ? 0 : 1 },
    locale: origin.locale,
    app_permissions: "2147483648",
    entitlements: [],
    authorizing_integration_owners: {},
    context: origin.guildId ? 0 : 1,
    attachment_size_limit: 8 * 1024 * 1024,
  };
  if (origin.guildId) {
    base.guild_id = origin.guildId;
    base.guild_locale = origin.locale;
    base.member = {
      user: origin.user,
      roles: [],
      permissions: "2147483648",
      joined_at: new Date(0).toISOString(),
      deaf: false,
      mute: false,
      flags: 0,
      nick: null,
      avatar: null,
      premium_since: null,
      pending: false,
    };
  } else {
    base.user = origin.user;
  }
  return base;
}

/** The fake's record of one interaction it dispatched: its payload and every REST call made for it. */
export class FakeInteraction {
  readonly id: string;
  readonly token: string;
  readonly type: number;
  /** `performance.now()` at dispatch. */
  readonly dispatchedAt = performance.now();
  /** The gateway sequence number it was dispatched with (null if there was no session). */
  seq: number | null = null;
  /** The shard it was dispatched to (Discord's routing by guild id; 0 unsharded and for DMs). */
  shard = 0;
  /** Every REST call that named this interaction (callback) or its token (webhooks), in order. */
  readonly calls: RestCall[] = [];
  /** The first callback the fake accepted, or null. */
  acknowledgement: RestCall | null = null;
  /** A callback arrived after the response deadline and was refused as Discord does (404, 10062). */
  expired = false;
  /** The message the response created (or, for a component, the message the component is on). */
  message: ApiMessage | null = null;
  /** Follow-up messages created with the interaction's token. */
  readonly followups: ApiMessage[] = [];

  constructor(
    readonly payload: Record<string, unknown>,
    private readonly watch: Watchable,
  ) {
    this.id = String(payload.id);
    this.token = String(payload.token);
    this.type = Number(payload.type);
  }

  /** The user who started it. */
  get user(): ApiUser {
    const member = this.payload.member as { user: ApiUser } | undefined;
    return member?.user ?? (this.payload.user as ApiUser);
  }

  /** Milliseconds from dispatch to the accepted callback, or null while unanswered. */
  get latencyMs(): number | null {
    return this.acknowledgement ? this.acknowledgement.receivedAt - this.dispatchedAt : null;
  }

  /** Callback calls (`POST /interactions/:id/:token/callback`), accepted or not. */
  get callbacks(): RestCall[] {
    return this.calls.filter((c) => c.route === "/interactions/:id/:token/callback");
  }

  /** Edits of the original response (`PATCH .../messages/@original`) the fake accepted. */
  get edits(): RestCall[] {
    return this.calls.filter((c) => c.method === "PATCH" && c.params.message === "@original" && c.status === 200);
  }

  /**
   * The accepted response `{type, data}`: waits for the first callback the fake accepted. A test
   * that expects no answer should not call this (it rejects after `timeoutMs`).
   */
  async response(timeoutMs = 5_000): Promise<{ type: number; data?: Record<string, unknown> }> {
    const call = await this.watch.until(() => this.acknowledgement, `a response to interaction ${this.id}`, timeoutMs);
    return call.body as { type: number; data?: Record<string, unknown> };
  }

  /** Waits for a REST call for this interaction that satisfies `predicate` (and has been answered). */
  untilCall(predicate: (call: RestCall) => boolean, what: string, timeoutMs = 5_000): Promise<RestCall> {
    return this.watch.until(
      () => this.calls.find((c) => (c.status !== 0 || c.aborted) && predicate(c)),
      `${what} for interaction ${this.id}`,
      timeoutMs,
    );
  }

  /** Waits for the `n`-th accepted follow-up message (1-based). */
  untilFollowup(n = 1, timeoutMs = 5_000): Promise<ApiMessage> {
    return this.watch.until(() => this.followups[n - 1], `follow-up #${n} of interaction ${this.id}`, timeoutMs);
  }
}
