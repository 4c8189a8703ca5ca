// Works around a slow path in TF.js's WASM backend (tfjs 4.22): a matrix product with `transposeA` or `transposeB`
// runs ~10× slower than the same product on an explicitly transposed input. Every Dense layer's backward pass uses
// both (xᵀ·dy for the weights, dy·Wᵀ for the input). Measured in Node for the blog's shapes: 32×784ᵀ by 32×128
// 4.1 ms → 0.37 ms; 32×128 by 784×128ᵀ 3.8 ms → 0.44 ms. Imports TF.js only.
import * as tf from '@tensorflow/tfjs';

type KernelFunc = NonNullable<ReturnType<typeof tf.getKernel>>['kernelFunc'];
type MatMulAttrs = { transposeA?: boolean; transposeB?: boolean };

const patched = new Set<string>();

/** Re-registers the WASM matmul kernels so transposed operands are transposed explicitly first; idempotent. */
export function patchWasmMatMul(): void {
  const transpose = tf.getKernel('Transpose', 'wasm');
  if (!transpose) return;
  for (const name of ['BatchMatMul', '_FusedMatMul']) {
    const original = tf.getKernel(name, 'wasm');
    if (!original || patched.has(name)) continue;
    const kernelFunc: KernelFunc = (args) => {
      const attrs = (args.attrs ?? {}) as MatMulAttrs;
      if (!attrs.transposeA && !attrs.transposeB) return original.kernelFunc(args);
      const temporaries: tf.TensorInfo[] = [];
      const swapLastTwo = (key: 'a' | 'b'): tf.TensorInfo | undefined => {
        const x = args.inputs[key];
        if (!x) return x;
        const perm = x.shape.map((_, i) => i);
        const n = perm.length;
        perm[n - 2] = n - 1;
        perm[n - 1] = n - 2;
        const xT = transpose.kernelFunc({ inputs: { x }, backend: args.backend, attrs: { perm } }) as tf.TensorInfo;
        temporaries.push(xT);
        return xT;
      };
      const inputs = { ...args.inputs };
      if (attrs.transposeA) inputs['a'] = swapLastTwo('a');
      if (attrs.transposeB) inputs['b'] = swapLastTwo('b');
      try {
        return original.kernelFunc({ ...args, inputs, attrs: { ...attrs, transposeA: false, transposeB: false } });
      } finally {
        for (const t of temporaries) (args.backend as tf.KernelBackend).disposeData(t.dataId);
      }
    };
    tf.unregisterKernel(name, 'wasm');
    tf.registerKernel({ ...original, kernelFunc });
    patched.add(name);
  }
}
