/** Public help-center addresses, the same helper the agent app uses for reply links. */
export { articleUrl, kbFileUrl } from '@servus/shared';
