// Release builds (Trunk.toml, after the pre-render hook): minifies the inline scripts of
// the built pages given as arguments with esbuild, as scripts/minify-js.sh does for the JS
// files. The sources keep their comments; the bytes a reader loads before the first
// question do not (index.html's scripts are a quarter of its size unminified). A module
// script (`<script type=module>`) is minified as one; a script esbuild cannot read fails
// the build rather than ship as it was.
import { readFileSync, writeFileSync } from 'node:fs';
import { transformSync } from 'esbuild';

for (const file of process.argv.slice(2)) {
  const page = readFileSync(file, 'utf8');
  const minified = page.replace(/<script( type=(?:"module"|module))?>([\s\S]*?)<\/script>/g, (_, module, code) => {
    const { code: out } = transformSync(code, {
      minify: true,
      target: 'es2022',
      charset: 'utf8',
      format: module ? 'esm' : undefined,
      logLevel: 'warning',
    });
    // A `</script` inside the minified text would end the element early.
    if (/<\/script/i.test(out)) throw new Error(`${file}: a minified script holds "</script"`);
    return `<script${module ?? ''}>${out.trim()}</script>`;
  });
  writeFileSync(file, minified);
}
