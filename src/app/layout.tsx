import type { Metadata } from "next";
import { TRPCReactProvider } from "~/trpc/react";
import "./globals.css";

export const metadata: Metadata = { title: "Vigila", description: "Supervisión de corporaciones policiales" };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="es-MX">
      <body>
        <header className="site-header">
          <a href="/">Vigila</a>
          <nav aria-label="Principal">
            <a href="/departments">Corporaciones</a> <a href="/about">Acerca de</a>
          </nav>
        </header>
        <TRPCReactProvider>
          <main id="main">{children}</main>
        </TRPCReactProvider>
      </body>
    </html>
  );
}
