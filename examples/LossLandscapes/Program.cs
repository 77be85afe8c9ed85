// list, run NAME [--quick] [--out DIR] [--seeds N] [--threads N] [--cells] [--shard I/N|auto], collect DIR, slurm NAME, k8s NAME,
// report DIR, bench NAME: over the experiments declared beside this file.
return TopoDsl.Experiments.ExperimentApp.Run(args);
