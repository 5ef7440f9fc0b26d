/** A BCP 47 language tag such as zh-CN or en. Apart from the zod schemas, so that the i18n entry checks tags without zod. */
export const LOCALE_TAG = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;
