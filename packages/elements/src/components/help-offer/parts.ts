/** The parts of `<aie-help-offer>`, for `exportparts` up the tree (apart from the element: it comes later). */
export const HELP_OFFER_PARTS = 'faq,message,fieldset,legend,option,label,textarea,handoff-button,status';
