// list, run NAME [--quick] [--out DIR] [--seeds N] [--threads N], report DIR: over the experiments declared below.
return TopoDsl.Experiments.ExperimentApp.Run(args);
