import { describe, expect, it } from 'vitest';
import { isSoftwareRenderer, planBackend } from './backend';

const SWIFTSHADER = 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)';
const REAL_GPU = 'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)';

describe('backend choice', () => {
  it('tells software renderers from GPUs', () => {
    expect(isSoftwareRenderer(SWIFTSHADER)).toBe(true);
    expect(isSoftwareRenderer('llvmpipe (LLVM 15.0.6, 256 bits)')).toBe(true);
    expect(isSoftwareRenderer(REAL_GPU)).toBe(false);
    expect(isSoftwareRenderer('Apple M2')).toBe(false);
  });

  it('uses WebGL on a GPU, WASM on software WebGL or none, and says why', () => {
    expect(planBackend('auto', REAL_GPU).order).toEqual(['webgl', 'wasm', 'cpu']);
    const soft = planBackend('auto', SWIFTSHADER);
    expect(soft.order).toEqual(['wasm', 'webgl', 'cpu']);
    expect(soft.reason).toMatch(/software-rendered \(SwiftShader\)/);
    expect(planBackend('auto', null).order).toEqual(['wasm', 'cpu']);
  });

  it('puts a forced backend first and keeps the others as fallbacks', () => {
    const plan = planBackend('cpu', REAL_GPU);
    expect(plan.order).toEqual(['cpu', 'webgl', 'wasm']);
    expect(plan.reason).toMatch(/forced/);
  });
});
