export default function AboutPage() {
  return (
    <section>
      <h1>Acerca de Vigila</h1>
      <h2>Fuentes de datos</h2>
      <p>
        Catálogo de entidades federativas y municipios, población 2020 y límites estatales: Instituto Nacional de
        Estadística y Geografía (INEGI), Censo de Población y Vivienda 2020 y Marco Geoestadístico. Información
        reutilizada conforme a los Términos de Libre Uso de la Información del INEGI.
      </p>
    </section>
  );
}
