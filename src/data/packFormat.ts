// The constants of the packed MNIST format, shared by its reader (packedIdx.ts) and its writer (scripts/mnistPack.ts).
// Imports nothing, so the build script can load it without the rest of src/.

/** "BNLP" */
export const PACK_MAGIC = 0x424e4c50;
export const PACK_VERSION = 1;
/** magic, version, IDX header length, payload length, non-zero count, mask gzip length, values gzip length. */
export const PACK_HEADER_BYTES = 7 * 4;
