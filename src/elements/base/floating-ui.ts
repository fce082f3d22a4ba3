/** The floating-ui functions the hint popover uses, as one module so the lazy chunk holds only these. */
export { autoUpdate, computePosition, flip, hide, offset, shift } from '@floating-ui/dom';
