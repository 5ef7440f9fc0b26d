/**
 * The parts of `<aie-verify-code>`, for `exportparts` up the tree. Apart from the element: the
 * dialog in the first script names them, the element comes in a later part.
 */
export const VERIFY_CODE_PARTS = 'status,label,input,submit-button,attempts,error,resend-button,exit-unverified-button,link';
