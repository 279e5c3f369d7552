/**
 * What the add-in and the browser page build the same way: TypeScript through ts-loader in
 * transpile-only mode (type checking is `npm run lint`/jest's job, and keeps builds fast).
 */
function typescriptRule(mode) {
  return {
    test: /\.tsx?$/,
    exclude: /node_modules/,
    use: {
      loader: 'ts-loader',
      options: {
        transpileOnly: true,
        compilerOptions: {
          module: 'esnext',
          moduleResolution: 'bundler',
          noEmit: false,
          sourceMap: mode !== 'production',
        },
      },
    },
  };
}

module.exports = { typescriptRule };
