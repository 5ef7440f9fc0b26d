/** The parts of `<aie-resume-prompt>`, for `exportparts` up the tree (apart from the element: it comes later). */
export const RESUME_PROMPT_PARTS = 'message,actions,continue-button,exit-button';
