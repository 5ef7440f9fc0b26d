import type { Preview } from '@storybook/web-components-vite';
import { clearOutboxes } from '@ai-interview-exit/core/delivery';

const preview: Preview = {
  parameters: { layout: 'padded' },
  // Widgets recover exits stored on the device (R11): each story starts with none, as on a new device.
  beforeEach: () => clearOutboxes(),
};
export default preview;
