/** The parts of `<aie-intent-nudge>`, for `exportparts` up the tree (apart from the element: it comes later). */
export const INTENT_NUDGE_PARTS = 'nudge,title,message,help-button,dismiss-button';
