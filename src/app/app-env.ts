import { createContext } from 'react';

/**
 * 'test' in Testing Library runs: the theme turns off transitions and portals, and the ticket index (mounted
 * with the signed-in pages, not with the app) keeps its background sync off so request logs hold only what the
 * screen asked for.
 */
export const AppEnvContext = createContext<'default' | 'test'>('default');
