/**
 * Live chat: chat channels and the embeddable widget, visitor sessions and their WebSocket,
 * conversations carried by tickets of channel `chat`, ringing, accepting, transferring, ending
 * and converting chats, and the chat metrics in the ticket event log (METRICS.md §2.6).
 */
import { z } from 'zod';
import type { AgentChatClientMessage } from '@servus/shared';
import type { App } from '../../platform/http.ts';
import type { Services } from '../../platform/context.ts';
import type { Role } from '../../platform/config.ts';
import type { JobDefinition } from '../../platform/jobs.ts';
import { ChatHub, type AgentConn } from './hub.ts';
import { chatRoutes } from './routes.ts';
import { chatPublicRoutes } from './public-routes.ts';
import { visitorSocketRoute } from './visitor-socket.ts';
import { widgetAssetRoutes } from './widget-assets.ts';
import { sweepLeftVisitors } from './outcomes.ts';
import { ChatBot } from '../knowledge/bot/chat-bot.ts';

export type { AgentConn } from './hub.ts';
export { sequenceChatMessage } from './sequence.ts';
export { signIdentity } from './identity.ts';

/** What the agent WebSocket (/ws) hands to chat: its sockets, and the chat messages agents send on it. */
export interface AgentChatLink {
  connected(conn: AgentConn): void;
  disconnected(conn: AgentConn): void;
  handle(conn: AgentConn, msg: AgentChatClientMessage): Promise<void>;
}

/** The chat module as app.ts wires it: routes, the sockets of this process, and the backstop job. */
export class Chat {
  readonly hub: ChatHub;
  /** The answer bot, which answers visitors before an agent is asked when it is switched on. */
  readonly bot: ChatBot;

  constructor(
    private readonly services: Services,
    private readonly roles: Set<Role>,
  ) {
    this.hub = new ChatHub(services);
    this.bot = new ChatBot(services);
  }

  /** Worker role: ends the chats of visitors who left, also when no process holds sockets. */
  jobs(): JobDefinition[] {
    return [{ name: 'chat.sweep', schema: z.object({}).passthrough(), cron: '* * * * *', handler: async () => void (await sweepLeftVisitors(this.services)) }];
  }

  /** REST routes and the widget's files; the visitor WebSocket when this process serves sockets (register after the websocket plugin). */
  routes(app: App): void {
    chatRoutes(app, this.services);
    chatPublicRoutes(app, this.services);
    widgetAssetRoutes(app, this.services);
    if (this.roles.has('ws')) visitorSocketRoute(app, this.services, this.hub, this.bot);
  }

  /** The link the agent WebSocket uses. */
  agentLink(): AgentChatLink {
    return {
      connected: (c) => this.hub.agentConnected(c),
      disconnected: (c) => this.hub.agentDisconnected(c),
      handle: (c, m) => this.hub.handleAgent(c, m),
    };
  }

  start(): void {
    if (this.roles.has('ws')) this.hub.start();
  }

  stop(): void {
    this.hub.stop();
  }
}
