// Whether the WebGL backend may train: without 32-bit float render targets TF.js falls back to float16 textures,
// whose range (±65,504, ~3 decimal digits) turns losses and gradients into NaN or zero. Imports nothing.

/** Why WebGL must not be used for training here, or null when it can render 32-bit floats. */
export function webglFloat32Refusal(getBool: (flag: string) => boolean): string | null {
  if (getBool('WEBGL_RENDER_FLOAT32_ENABLED')) return null;
  return 'webgl cannot render to 32-bit float textures (float16 only: losses would turn into NaN)';
}
