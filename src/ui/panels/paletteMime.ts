/** MIME type of a palette drag, so the canvas ignores other drops (files, text). */
export const PALETTE_MIME = 'application/x-evsim-kind';
