"""A product type suggested from a file's name: "red-summer-dress.jpg" is a dress.

Words are matched whole (after splitting on anything that is not a letter), in
English with a few common plural and shop spellings; the first word that names a
type wins, reading from the end of the name (where the product usually is:
"summer-collection-boots.jpg"). None when no word says.
"""

from __future__ import annotations

import re
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
_BY_WORD = {word: kind for kind, words in _WORDS.items() for word in words.split()}
_SPLIT = re.compile(r"[^a-z]+")


def suggest_product_type(name: str | PurePath) -> ProductType | None:
    """The product type a file's name suggests, or None."""
    return product_type_in_words(PurePath(str(name)).stem)


def product_type_in_words(text: str) -> ProductType | None:
    """The product type a few everyday words name ("Tops", "T-shirt", "ankle boots",
    "Scarf"), matched whole as in a file's name: "topaz" is not a top, nor "chat" a hat."""
    words = [w for w in _SPLIT.split(text.lower().replace("t-shirt", "tshirt")) if w]
    for word in reversed(words):
        kind = _BY_WORD.get(word)
        if kind is not None:
            return kind
    return None
