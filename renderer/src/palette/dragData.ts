/** The MIME type a palette drag carries, and the kind being dragged (dragover cannot read the data). */
export const PALETTE_MIME = 'application/x-kumozu-kind';
export const draggedKind: { current: string | null } = { current: null };
