/** What the tooltip uses of Floating UI, as one module: a dynamic import of the package would keep all of it. */
export { computePosition, offset, shift } from '@floating-ui/dom';
