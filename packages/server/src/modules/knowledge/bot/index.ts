/**
 * The answer bot: answers chat visitors from the published knowledge base before an agent is
 * asked (retrieval by default, optionally composed by an OpenAI-compatible model grounded in
 * the retrieved passages), suggests articles in email acknowledgements, and counts honestly:
 * a resolution only when the customer confirmed it.
 */
export { botRoutes } from './routes.ts';
export { ChatBot, BOT_RESOLVED_TAG } from './chat-bot.ts';
export { emailAckSuggestions } from './email-suggestions.ts';
export { readBotSettings } from './settings.ts';
