using NewsPortal.Bench;

// NewsPortal's benchmark tools. The load itself comes from wrk (bench/*.sh); this program
// generates the data and summarizes results.
//   generate --provider Sqlite|PostgreSql --connection "…" [--articles 100000] [--comments 0] [--seed 42]
return args.Length > 0 && args[0] == "generate" ? await DataGenerator.RunAsync(args[1..])
    : args.Length > 1 && args[0] == "search-timing" ? SearchTiming.Run(args[1..])
    : Usage();

static int Usage()
{
    Console.Error.WriteLine("usage: NewsPortal.Bench generate --provider Sqlite|PostgreSql --connection \"…\" [--articles N] [--comments N] [--seed N]");
    return 2;
}
