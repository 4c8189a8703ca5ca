// Imported first by the training worker: its body runs before TF.js's modules are evaluated, so the MNIST download
// (10 MB, the longest part of a first visit) is already under way while they are.
import { startEarly } from './appMnist';

startEarly(self.location.href);
