import type { StorybookConfig } from '@storybook/web-components-vite';
import { defaultClientConditions } from 'vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // Stories run the TypeScript sources (the "source" export condition), not a stale build.
  viteFinal: async (viteConfig) => ({
    ...viteConfig,
    resolve: { ...viteConfig.resolve, conditions: ['source', ...defaultClientConditions] },
    // Storybook's own manager bundle is large by nature; our bundles have budgets of their own.
    build: { ...viteConfig.build, chunkSizeWarningLimit: 4096 },
  }),
};
export default config;
