using System.CommandLine;
using TopoDsl.Cli;
using TopoDsl.Cli.Commands;

var root = new RootCommand("TopoDsl: persistent homology for the topology of learning.")
{
    PhCommand.Create(),
    SublevelCommand.Create(),
    BenchCommand.Create(),
};
return CommandRunner.Run(root, args);
