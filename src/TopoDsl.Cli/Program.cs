using System.CommandLine;
using TopoDsl.Cli;
using TopoDsl.Cli.Commands;

var root = new RootCommand("TopoDsl: the topology of learning (persistent homology, training, sharpness).")
{
    PhCommand.Create(),
    SublevelCommand.Create(),
    TrainCommand.Create(),
    BenchCommand.Create(),
};
return CommandRunner.Run(root, args);
