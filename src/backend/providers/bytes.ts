/** The byte encodings live in core (the element needs them too); the adapters keep importing them from here. */
export { fromBase64, toBase64, toHex, utf8 } from '../../core/bytes.js';
