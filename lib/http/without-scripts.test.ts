import { describe, expect, it } from "vitest";
import { withoutScripts } from "./without-scripts";

describe("withoutScripts", () => {
  it("drops script elements and script preloads, and keeps everything else, user text about scripts included", () => {
    const page = [
      '<html><head><link rel="stylesheet" href="/a.css"/><link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/a.js"/>',
      '<link rel="modulepreload" href="/m.js"/><script src="/_next/static/chunks/b.js" async=""></script></head>',
      '<body><p>&lt;script&gt;alert(1)&lt;/script&gt; is what I typed</p><form action="" method="POST"><input type="hidden" name="$ACTION_ID_1"/></form>',
      '<script>self.__next_f.push([1,"x"])</script><script id="_R_">(function(){})()</script></body></html>',
    ].join("");
    expect(withoutScripts(page)).toBe(
      '<html><head><link rel="stylesheet" href="/a.css"/></head><body><p>&lt;script&gt;alert(1)&lt;/script&gt; is what I typed</p><form action="" method="POST"><input type="hidden" name="$ACTION_ID_1"/></form></body></html>',
    );
  });
});
