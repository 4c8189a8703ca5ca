// A WebGL backend that can only render float16 is refused for training and the plan moves on. In Node there is no
// WebGL, so a CPU backend stands in under the name 'webgl' and TF.js's own flags say what the "GPU" can do.
import * as tf from '@tensorflow/tfjs';
import { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { activateBackend } from './backend';
import { webglFloat32Refusal } from './float32Check';

describe('WebGL without 32-bit float textures', () => {
  beforeAll(() => {
    // TF.js registers its WebGL backend only in browsers; its flags are registered everywhere.
    if (tf.findBackendFactory('webgl') !== null) tf.removeBackend('webgl');
    tf.registerBackend('webgl', () => new MathBackendCPU());
  });
  afterEach(() => tf.env().reset());

  it('is refused by the check, with the reason', () => {
    expect(webglFloat32Refusal(() => true)).toBeNull();
    expect(webglFloat32Refusal(() => false)).toMatch(/32-bit float/);
  });

  it('is skipped by activateBackend, which falls back to the next backend and says why', async () => {
    tf.env().set('WEBGL_RENDER_FLOAT32_CAPABLE', true);
    tf.env().set('WEBGL_FORCE_F16_TEXTURES', true);
    const active = await activateBackend({ order: ['webgl', 'cpu'], reason: 'test plan' });
    expect(active.backend).toBe('cpu');
    expect(active.reason).toMatch(/fell back after: webgl cannot render to 32-bit float textures/);
  });

  it('is used when it renders 32-bit floats', async () => {
    tf.env().set('WEBGL_RENDER_FLOAT32_CAPABLE', true);
    tf.env().set('WEBGL_FORCE_F16_TEXTURES', false);
    const active = await activateBackend({ order: ['webgl', 'cpu'], reason: 'test plan' });
    expect(active.backend).toBe('webgl');
    expect(active.reason).toBe('test plan');
  });
});
