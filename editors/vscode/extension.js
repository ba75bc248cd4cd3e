// The VS Code client of the ereje language server: starts `ereje lsp` (the binary named by the
// `ereje.path` setting) over standard input and output for every .ereje document. Highlighting
// comes from syntaxes/ereje.tmLanguage.json and works without the server.
'use strict';
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

function start() {
  const command = vscode.workspace.getConfiguration('ereje').get('path') || 'ereje';
  const serverOptions = { command, args: ['lsp'], transport: TransportKind.stdio };
  const lang = vscode.workspace.getConfiguration('ereje').get('lang') || 'en';
  const clientOptions = {
    documentSelector: [{ scheme: 'file', language: 'ereje' }, { scheme: 'untitled', language: 'ereje' }],
    initializationOptions: { lang },
  };
  client = new LanguageClient('ereje', 'ereje language server', serverOptions, clientOptions);
  return client.start();
}

async function restart() {
  if (client) await client.stop();
  await start();
}

function activate(context) {
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('ereje.path') || e.affectsConfiguration('ereje.lang')) restart();
    }),
  );
  return start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
