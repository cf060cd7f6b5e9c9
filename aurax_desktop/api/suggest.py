"""A product type suggested from a file's name: "red-summer-dress.jpg" is a dress.

Words are matched whole (after splitting on anything that is not a letter, accents
set aside and case folded), in English with a few common plural and shop spellings,
and in the languages the program speaks whose shops name files and fill season lists
in words of their own (French, German, Spanish, Italian): "veste-en-lin.jpg" is a
garment, "Zapatillas" footwear. German joins words: a German name ending in a type's
word is that type ("Sommerkleid", "Lederjacke"), the longest ending first (a
"Handschuh" is a glove, not a shoe). The first word that names a type wins, reading
from the end of the name (where the product usually is:
"summer-collection-boots.jpg"). None when no word says.

A word that is a type in two languages keeps its English sense ("robe" is a bathrobe,
not the French dress; "collar" a shirt's, not the Spanish necklace).
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import PurePath

from aurax_desktop.api.models import ProductType

_WORDS: dict[ProductType, str] = {
    ProductType.DRESS: "dress dresses gown gowns frock sundress maxi midi",
    ProductType.OUTFIT: "outfit outfits look ensemble suit suits tracksuit set",
    ProductType.FOOTWEAR: (
        "shoe shoes sneaker sneakers trainer trainers boot boots sandal sandals heel heels "
        "loafer loafers slipper slippers footwear pump pumps mule mules flats"
    ),
    ProductType.BAG: (
        "bag bags handbag handbags tote totes backpack backpacks clutch purse purses "
        "satchel wallet crossbody"
    ),
    ProductType.JEWELLERY: (
        "ring rings necklace necklaces earring earrings bracelet bracelets pendant "
        "pendants jewellery jewelry bangle bangles chain anklet brooch watch watches "
        "cufflinks choker chokers charm charms"
    ),
    ProductType.EYEWEAR: "sunglasses glasses eyewear spectacles shades goggles frames",
    ProductType.BEAUTY: (
        "lipstick lipsticks lipgloss gloss mascara eyeliner eyeshadow foundation blush "
        "concealer perfume perfumes fragrance fragrances nailpolish makeup cosmetic cosmetics "
        "serum cream beauty lipsticks bronzer highlighter primer skincare cologne"
    ),
    ProductType.GARMENT: (
        "shirt shirts tshirt tee tees top tops blouse blouses jeans jean trousers trouser "
        "pants chinos shorts skirt skirts jacket jackets coat coats blazer blazers hoodie "
        "hoodies sweater sweaters jumper jumpers cardigan cardigans vest polo leggings "
        "joggers kurta saree sari tunic parka sweatshirt tank camisole garment knitwear "
        "dungarees overalls scarf scarves shawl shawls stole stoles bandana hat hats cap caps "
        "beanie beanies beret berets fedora glove gloves mittens sock socks tights stockings "
        "tie ties bowtie necktie belt belts poncho ponchos cape capes kimono kimonos bodysuit "
        "swimsuit swimwear bikini lingerie bra briefs boxers pyjamas pajamas robe jumpsuit "
        "romper playsuit gilet waistcoat anorak windbreaker fleece trench puffer culottes "
        "sweatpants outerwear overcoat overcoats raincoat raincoats bottom bottoms denim "
        "knit knits suit suits activewear sportswear loungewear nightwear sleepwear underwear"
    ),
}
_OTHER_LANGUAGES: dict[ProductType, str] = {
    # French, Spanish, Italian (and the Portuguese they share), accents set aside
    ProductType.DRESS: "vestido vestidos vestito vestiti",
    ProductType.OUTFIT: "tenue tenues conjunto conjuntos",
    ProductType.FOOTWEAR: (
        "chaussure chaussures basket baskets botte bottes bottine bottines sandale "
        "sandales escarpin escarpins mocassin mocassins zapato zapatos zapatilla "
        "zapatillas bota botas sandalia sandalias scarpa scarpe stivale stivali sandalo "
        "sandali mocassino mocassini sapato sapatos tenis"
    ),
    ProductType.BAG: (
        "sac sacs sacoche sacoches pochette pochettes cabas bolso bolsos bolsa bolsas "
        "mochila mochilas cartera carteras borsa borse zaino zaini"
    ),
    ProductType.JEWELLERY: (
        "collier colliers bague bagues montre montres bijou bijoux anillo anillos "
        "pendientes pulsera pulseras reloj relojes joya joyas collana collane anello "
        "anelli orecchini bracciale bracciali orologio orologi gioielli"
    ),
    ProductType.EYEWEAR: "lunettes gafas occhiali oculos",
    ProductType.BEAUTY: "parfum parfums pintalabios profumo profumi rossetto rossetti",
    ProductType.GARMENT: (
        "chemise chemises chemisier chemisiers jupe jupes veste vestes manteau manteaux "
        "pantalon pantalons pull pulls blouson blousons debardeur sweat echarpe "
        "echarpes foulard foulards chapeau chapeaux gant gants camisa camisas camiseta "
        "camisetas blusa blusas falda faldas chaqueta chaquetas abrigo abrigos pantalones "
        "jersey sudadera sudaderas bufanda bufandas sombrero sombreros vaqueros camicia "
        "camicie maglia maglie maglietta magliette maglione maglioni gonna gonne giacca "
        "giacche cappotto cappotti pantaloni felpa felpe sciarpa sciarpe cappello cappelli "
        "giubbotto giubbotti calca calcas saia saias casaco casacos"
    ),
}
_GERMAN: dict[ProductType, str] = {
    # German, matched as a word's ending too: its compounds name the same thing
    ProductType.DRESS: "kleid kleider kleidchen",
    ProductType.FOOTWEAR: (
        "schuh schuhe stiefel stiefelette stiefeletten sandale sandalen sandalette "
        "sandaletten pantoffel pantoffeln"
    ),
    ProductType.BAG: "tasche taschen rucksack rucksacke beutel",
    ProductType.JEWELLERY: "kette ketten ohrring ohrringe armband armbander schmuck uhr uhren",
    ProductType.EYEWEAR: "brille brillen",
    ProductType.BEAUTY: "lippenstift lippenstifte duft",
    ProductType.GARMENT: (
        "hemd hemden bluse blusen rock rocke hose hosen jacke jacken mantel "
        "pullover pulli schal schals mutze mutzen handschuh handschuhe kleidung weste "
        "westen strickjacke sakko sakkos"
    ),
}


def _table(*tables: dict[ProductType, str]) -> dict[str, ProductType]:
    return {
        word: kind for table in tables for kind, words in table.items() for word in words.split()
    }


_BY_WORD = _table(_WORDS, _OTHER_LANGUAGES, _GERMAN)
_BY_ENDING = sorted(_table(_GERMAN).items(), key=lambda item: -len(item[0]))
"""German words by their length, the longest first: a compound's last part."""
_SHORTEST_PART = 3
"""What a compound has before its ending, at least ("Minirock"; "Brock" is a name)."""
_SPLIT = re.compile(r"[\W\d_]+")


def suggest_product_type(name: str | PurePath) -> ProductType | None:
    """The product type a file's name suggests, or None."""
    return product_type_in_words(PurePath(str(name)).stem)


def product_type_in_words(text: str) -> ProductType | None:
    """The product type a few everyday words name ("Tops", "T-shirt", "ankle boots",
    "Scarf", "Röcke", "Sommerkleid"), matched whole as in a file's name: "topaz" is not
    a top, nor "chat" a hat."""
    words = [w for w in _SPLIT.split(_folded(text).replace("t-shirt", "tshirt")) if w]
    for word in reversed(words):
        kind = _BY_WORD.get(word) or _by_ending(word)
        if kind is not None:
            return kind
    return None


def _folded(text: str) -> str:
    """``text`` case folded, its accents set aside ("Röcke" is "rocke", "Pantalón"
    "pantalon")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _by_ending(word: str) -> ProductType | None:
    """The type a German compound's last part names ("lederjacke": "jacke")."""
    for ending, kind in _BY_ENDING:
        if len(word) >= len(ending) + _SHORTEST_PART and word.endswith(ending):
            return kind
    return None
