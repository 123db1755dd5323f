// A developer tool: deployed on nothing, so its writes are the developer's disk.
Directory.CreateDirectory("seed"); // look-alike: PF2003
File.WriteAllText("seed/months.csv", "month\n2026-01\n2026-02\n"); // look-alike: PF2003
Thread.Sleep(TimeSpan.FromMinutes(10)); // look-alike: PF3001
var client = new HttpClient(); // look-alike: PF5001
Console.WriteLine(await client.GetStringAsync("https://example.com/"));
